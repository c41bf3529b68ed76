/**
 * Does nothing, on purpose: `npm run bench` sets the answer-check route
 * against it to show what the app's own work costs over the framework's.
 */
export function POST() {
  return new Response(null, { status: 204 });
}
