package dev.reckon.adapter.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names of the three PostgreSQL roles Reckon uses: the owner of the schema, which runs migrations,
 * and the web and worker roles the apps log in as.
 *
 * <p>Names are plain lower-case SQL identifiers, so they can be written into DDL (where PostgreSQL
 * accepts no bind parameters) without any quoting problem.
 */
public record DatabaseRoles(String owner, String web, String worker) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public DatabaseRoles {
    requireIdentifier("owner", owner);
    requireIdentifier("web", web);
    requireIdentifier("worker", worker);
    if (owner.equals(web) || owner.equals(worker) || web.equals(worker)) {
      throw new IllegalArgumentException(
          "role names must differ (was owner '"
              + owner
              + "', web '"
              + web
              + "', worker '"
              + worker
              + "')");
    }
  }

  /** Returns the role names the production deployment uses. */
  public static DatabaseRoles standard() {
    return new DatabaseRoles("reckon_owner", "reckon_web", "reckon_worker");
  }

  static void requireIdentifier(String name, String value) {
    Objects.requireNonNull(value, name);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' must be 1 to 63 lower-case letters, digits or underscores, not starting with a"
              + " digit (was '"
              + value
              + "')");
    }
  }
}
