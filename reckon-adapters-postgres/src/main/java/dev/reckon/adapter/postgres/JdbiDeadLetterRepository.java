package dev.reckon.adapter.postgres;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.DeadLetter;
import dev.reckon.ports.out.DeadLetterRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Dead letters in PostgreSQL, each read and write in its organization's context. */
public final class JdbiDeadLetterRepository implements DeadLetterRepository {

  private static final String COLUMNS =
      "id, org_id, provider_key_id, job, window_start, window_end, attempts, error_category,"
          + " error_message, first_failure_at, last_failure_at, retry_requested_at, resolved_at";

  private final TenantTransactions transactions;

  public JdbiDeadLetterRepository(Jdbi jdbi) {
    this.transactions = new TenantTransactions(jdbi);
  }

  @Override
  public void recordExhausted(DeadLetter failure, UUID newId) {
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(newId, "newId");
    transactions.inOrg(
        failure.orgId(),
        "record dead letter of provider key " + failure.keyId(),
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "update reckon.dead_letters set attempts = attempts + :attempts,"
                          + " window_start = :windowStart, window_end = :windowEnd,"
                          + " error_category = :category, error_message = :message,"
                          + " last_failure_at = :lastFailureAt, retry_requested_at = null"
                          + " where org_id = :org and provider_key_id = :key and job = :job"
                          + " and resolved_at is null")
                  .bind("org", failure.orgId().value())
                  .bind("key", failure.keyId().value())
                  .bind("job", failure.job())
                  .bind("attempts", failure.attempts())
                  .bind("windowStart", SqlValues.timestamp(failure.windowStart()))
                  .bind("windowEnd", SqlValues.timestamp(failure.windowEnd()))
                  .bind("category", failure.errorCategory())
                  .bind("message", failure.errorMessage())
                  .bind("lastFailureAt", SqlValues.timestamp(failure.lastFailureAt()))
                  .execute();
          if (updated > 0) {
            return updated;
          }
          return handle
              .createUpdate(
                  "insert into reckon.dead_letters (org_id, id, provider_key_id, job,"
                      + " window_start, window_end, attempts, error_category, error_message,"
                      + " first_failure_at, last_failure_at)"
                      + " values (:org, :id, :key, :job, :windowStart, :windowEnd, :attempts,"
                      + " :category, :message, :firstFailureAt, :lastFailureAt)")
              .bind("org", failure.orgId().value())
              .bind("id", newId)
              .bind("key", failure.keyId().value())
              .bind("job", failure.job())
              .bind("windowStart", SqlValues.timestamp(failure.windowStart()))
              .bind("windowEnd", SqlValues.timestamp(failure.windowEnd()))
              .bind("attempts", failure.attempts())
              .bind("category", failure.errorCategory())
              .bind("message", failure.errorMessage())
              .bind("firstFailureAt", SqlValues.timestamp(failure.firstFailureAt()))
              .bind("lastFailureAt", SqlValues.timestamp(failure.lastFailureAt()))
              .execute();
        });
  }

  @Override
  public List<DeadLetter> list(OrgId orgId, ProviderKeyId keyId) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    return transactions.inOrg(
        orgId,
        "list dead letters of provider key " + keyId,
        handle ->
            handle
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from reckon.dead_letters where org_id = :org"
                        + " and provider_key_id = :key order by last_failure_at desc, id")
                .bind("org", orgId.value())
                .bind("key", keyId.value())
                .map(JdbiDeadLetterRepository::deadLetter)
                .list());
  }

  @Override
  public Optional<DeadLetter> find(OrgId orgId, UUID id) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    return transactions.inOrg(
        orgId,
        "find dead letter " + id,
        handle ->
            handle
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from reckon.dead_letters where org_id = :org and id = :id")
                .bind("org", orgId.value())
                .bind("id", id)
                .map(JdbiDeadLetterRepository::deadLetter)
                .findOne());
  }

  @Override
  public int countOpen(OrgId orgId, ProviderKeyId keyId) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    return transactions.inOrg(
        orgId,
        "count dead letters of provider key " + keyId,
        handle ->
            handle
                .createQuery(
                    "select count(*) from reckon.dead_letters where org_id = :org"
                        + " and provider_key_id = :key and resolved_at is null")
                .bind("org", orgId.value())
                .bind("key", keyId.value())
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public boolean requestRetry(OrgId orgId, UUID id, Instant at) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    return transactions.inOrg(
        orgId,
        "request retry of dead letter " + id,
        handle ->
            handle
                    .createUpdate(
                        "update reckon.dead_letters set retry_requested_at = :at"
                            + " where org_id = :org and id = :id and resolved_at is null")
                    .bind("org", orgId.value())
                    .bind("id", id)
                    .bind("at", SqlValues.timestamp(at))
                    .execute()
                > 0);
  }

  @Override
  public void resolve(OrgId orgId, ProviderKeyId keyId, String job, Instant at) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(at, "at");
    transactions.inOrg(
        orgId,
        "resolve dead letters of provider key " + keyId,
        handle ->
            handle
                .createUpdate(
                    "update reckon.dead_letters set resolved_at = :at where org_id = :org"
                        + " and provider_key_id = :key and job = :job and resolved_at is null")
                .bind("org", orgId.value())
                .bind("key", keyId.value())
                .bind("job", job)
                .bind("at", SqlValues.timestamp(at))
                .execute());
  }

  @Override
  public List<RetryRequest> listRetryRequests() {
    return transactions.withoutOrg(
        "list dead letters to retry",
        handle ->
            handle
                .createQuery(
                    "select org_id, id, provider_key_id from reckon.dead_letters_to_retry()")
                .map(
                    (rs, ctx) ->
                        new RetryRequest(
                            new OrgId(rs.getObject("org_id", UUID.class)),
                            rs.getObject("id", UUID.class),
                            new ProviderKeyId(rs.getObject("provider_key_id", UUID.class))))
                .list());
  }

  private static DeadLetter deadLetter(ResultSet rs, StatementContext ctx) throws SQLException {
    return new DeadLetter(
        rs.getObject("id", UUID.class),
        new OrgId(rs.getObject("org_id", UUID.class)),
        new ProviderKeyId(rs.getObject("provider_key_id", UUID.class)),
        rs.getString("job"),
        SqlValues.instant(rs, "window_start"),
        SqlValues.instant(rs, "window_end"),
        rs.getInt("attempts"),
        rs.getString("error_category"),
        rs.getString("error_message"),
        SqlValues.instant(rs, "first_failure_at"),
        SqlValues.instant(rs, "last_failure_at"),
        SqlValues.instant(rs, "retry_requested_at"),
        SqlValues.instant(rs, "resolved_at"));
  }
}
