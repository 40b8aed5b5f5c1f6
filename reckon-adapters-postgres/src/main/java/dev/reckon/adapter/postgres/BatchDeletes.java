package dev.reckon.adapter.postgres;

/** Builds statements that delete a bounded batch of the rows matching a condition. */
final class BatchDeletes {

  private BatchDeletes() {}

  /**
   * Returns a delete of at most {@code :limit} rows of {@code reckon.<table>} that match {@code
   * condition}. {@code table} and {@code condition} must be constants of this adapter, never input.
   *
   * <p>PostgreSQL has no {@code DELETE ... LIMIT}, so a sub-select picks the rows' physical
   * addresses ({@code ctid}) and the delete finds them by TID scan (as EXPLAIN shows on PostgreSQL
   * 15). The condition is checked again on delete, so a row that a concurrent write changed in
   * between is left for a later batch rather than deleted unchecked.
   */
  static String statement(String table, String condition) {
    return "delete from reckon."
        + table
        + " where ctid = any(array(select ctid from reckon."
        + table
        + " where "
        + condition
        + " limit :limit)) and "
        + condition;
  }

  static void requireLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("'limit' must be at least 1 (was " + limit + ")");
    }
  }
}
