package dev.reckon.adapter.postgres;

import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.postgres.PostgresPlugin;

/** Creates the {@link Jdbi} instances the repositories of this adapter require. */
public final class ReckonJdbi {

  private ReckonJdbi() {}

  /**
   * Creates a Jdbi over the pool whose exception messages leave out the SQL text and bound
   * arguments, because a bound argument may be a sealed key or another value that must not reach a
   * log.
   */
  public static Jdbi create(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new PostgresPlugin());
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    return jdbi;
  }

  static Jdbi requireCreatedHere(Jdbi jdbi) {
    Objects.requireNonNull(jdbi, "jdbi");
    if (jdbi.getConfig(StatementExceptions.class).getMessageRendering() != MessageRendering.NONE) {
      throw new IllegalArgumentException(
          "'jdbi' must not render bound arguments in exception messages: create it with"
              + " ReckonJdbi.create");
    }
    return jdbi;
  }
}
