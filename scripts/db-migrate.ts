// `npm run db:migrate` brings the database named by DATABASE_URL up to the
// latest schema, as every server also does when it starts.
import { getDb } from "@/lib/db/get-db";
import { migrateToLatest } from "@/lib/db/migrate";

const db = getDb();
const applied = await migrateToLatest(db);
await db.destroy();
process.stdout.write(
  applied.length > 0
    ? `Applied ${applied.join(", ")}.\n`
    : "The database is up to date.\n",
);
