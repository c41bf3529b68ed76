import "server-only";
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from "kysely";

/**
 * Every transaction here writes. Kysely opens them with a plain `begin`,
 * which in WAL mode lets one read first and then fail at once with "database
 * is locked" when another process wrote in between: SQLite cannot wait on
 * the busy timeout there without risking a deadlock. `begin immediate` takes
 * the write lock up front, so a second app instance waits its turn instead.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

export class ImmediateTransactionSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.settings);
  }
}
