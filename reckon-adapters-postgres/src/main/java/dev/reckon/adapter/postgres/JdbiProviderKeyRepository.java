package dev.reckon.adapter.postgres;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.KeyHealth;
import dev.reckon.ports.out.KeyRef;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SealedKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Provider keys stored in {@code reckon.provider_keys}. Times are stored with the microsecond
 * precision of PostgreSQL, truncated.
 */
public final class JdbiProviderKeyRepository implements ProviderKeyRepository {

  private static final String PRIMARY_KEY = "provider_keys_pkey";
  private static final String COLUMNS =
      "org_id, id, provider, label, hint, status, attention_reason, sealed, created_by,"
          + " created_at, last_success_at";

  private final TenantTransactions transactions;

  /**
   * @param jdbi created with {@link ReckonJdbi#create}; inserting, replacing and deleting need the
   *     web role, the other methods work with either app role
   */
  public JdbiProviderKeyRepository(Jdbi jdbi) {
    this.transactions = new TenantTransactions(jdbi);
  }

  @Override
  public void insert(ProviderKeyRecord key) {
    Objects.requireNonNull(key, "key");
    transactions.inOrg(
        key.orgId(),
        "insert provider key " + key.id(),
        handle -> {
          try {
            return handle
                .createUpdate(
                    "insert into reckon.provider_keys ("
                        + COLUMNS
                        + ") values (:org, :id, :provider, :label, :hint, :status, :reason,"
                        + " :sealed, :createdBy, :createdAt, :lastSuccessAt)")
                .bind("org", key.orgId().value())
                .bind("id", key.id().value())
                .bind("provider", key.provider().id())
                .bind("label", key.label())
                .bind("hint", key.hint().lastChars())
                .bind("status", key.status().id())
                .bind("reason", key.attentionReason())
                .bind("sealed", key.sealed().bytes())
                .bind("createdBy", key.createdBy())
                .bind("createdAt", SqlValues.timestamp(key.createdAt()))
                .bind("lastSuccessAt", SqlValues.timestamp(key.lastSuccessAt()))
                .execute();
          } catch (UnableToExecuteStatementException e) {
            if (SqlValues.violatedConstraint(e).orElse("").equals(PRIMARY_KEY)) {
              throw new IllegalStateException("provider key " + key.id() + " already exists");
            }
            throw e;
          }
        });
  }

  @Override
  public Optional<ProviderKeyRecord> find(OrgId orgId, ProviderKeyId keyId) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    return transactions.inOrg(
        orgId,
        "find provider key " + keyId,
        handle ->
            handle
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from reckon.provider_keys where org_id = :org and id = :id")
                .bind("org", orgId.value())
                .bind("id", keyId.value())
                .map(JdbiProviderKeyRepository::record)
                .findOne());
  }

  @Override
  public List<ProviderKeyRecord> list(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return transactions.inOrg(
        orgId,
        "list provider keys",
        handle ->
            handle
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from reckon.provider_keys where org_id = :org order by created_at, id")
                .bind("org", orgId.value())
                .map(JdbiProviderKeyRepository::record)
                .list());
  }

  @Override
  public void markNeedsAttention(OrgId orgId, ProviderKeyId keyId, String reason) {
    Objects.requireNonNull(reason, "reason");
    update(
        orgId,
        keyId,
        "mark provider key needs attention",
        "status = 'needs_attention', attention_reason = :value",
        reason);
  }

  @Override
  public void replaceSealed(OrgId orgId, ProviderKeyId keyId, SealedKey sealed, KeyHint hint) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(hint, "hint");
    transactions.inOrg(
        orgId,
        "replace sealed provider key " + keyId,
        handle ->
            handle
                .createUpdate(
                    "update reckon.provider_keys set sealed = :sealed, hint = :hint,"
                        + " status = 'active', attention_reason = null"
                        + " where org_id = :org and id = :id")
                .bind("org", orgId.value())
                .bind("id", keyId.value())
                .bind("sealed", sealed.bytes())
                .bind("hint", hint.lastChars())
                .execute());
  }

  @Override
  public boolean swapSealed(
      OrgId orgId, ProviderKeyId keyId, SealedKey expected, SealedKey replacement) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(replacement, "replacement");
    return transactions.inOrg(
        orgId,
        "re-wrap sealed provider key " + keyId,
        handle ->
            handle
                    .createUpdate(
                        "update reckon.provider_keys set sealed = :replacement"
                            + " where org_id = :org and id = :id and sealed = :expected")
                    .bind("org", orgId.value())
                    .bind("id", keyId.value())
                    .bind("expected", expected.bytes())
                    .bind("replacement", replacement.bytes())
                    .execute()
                == 1);
  }

  // Watermarks go with the row through their foreign key's cascade. Usage and cost rows have no
  // foreign key to the key and stay until retention or data deletion removes them.
  @Override
  public boolean delete(OrgId orgId, ProviderKeyId keyId) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    int deleted =
        transactions.inOrg(
            orgId,
            "delete provider key " + keyId,
            handle ->
                handle
                    .createUpdate(
                        "delete from reckon.provider_keys where org_id = :org and id = :id")
                    .bind("org", orgId.value())
                    .bind("id", keyId.value())
                    .execute());
    return deleted > 0;
  }

  @Override
  public void markPaused(OrgId orgId, ProviderKeyId keyId) {
    update(
        orgId, keyId, "pause provider key", "status = 'paused', attention_reason = :value", null);
  }

  @Override
  public void recordSuccess(OrgId orgId, ProviderKeyId keyId, Instant at) {
    Objects.requireNonNull(at, "at");
    update(
        orgId,
        keyId,
        "record provider key success",
        "last_success_at = :value",
        SqlValues.timestamp(at));
  }

  @Override
  public void recordRunState(
      OrgId orgId,
      ProviderKeyId keyId,
      int consecutiveFailures,
      Instant lastFailureAt,
      String lastErrorCategory,
      Instant nextRunAt) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    transactions.inOrg(
        orgId,
        "record run state of provider key " + keyId,
        handle ->
            handle
                .createUpdate(
                    "update reckon.provider_keys set consecutive_failures = :failures,"
                        + " last_failure_at = coalesce(cast(:lastFailureAt as timestamptz), last_failure_at),"
                        + " last_error_category = :category, next_run_at = cast(:nextRunAt as timestamptz)"
                        + " where org_id = :org and id = :id")
                .bind("org", orgId.value())
                .bind("id", keyId.value())
                .bind("failures", consecutiveFailures)
                .bind("lastFailureAt", SqlValues.timestamp(lastFailureAt))
                .bind("category", lastErrorCategory)
                .bind("nextRunAt", SqlValues.timestamp(nextRunAt))
                .execute());
  }

  @Override
  public Optional<KeyHealth> health(OrgId orgId, ProviderKeyId keyId) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    return transactions.inOrg(
        orgId,
        "read health of provider key " + keyId,
        handle ->
            handle
                .createQuery(
                    "select k.last_success_at, k.consecutive_failures, k.last_failure_at,"
                        + " k.last_error_category, k.next_run_at,"
                        + " (select count(*) from reckon.dead_letters d where d.org_id = k.org_id"
                        + " and d.provider_key_id = k.id and d.resolved_at is null) as dead_letters"
                        + " from reckon.provider_keys k where k.org_id = :org and k.id = :id")
                .bind("org", orgId.value())
                .bind("id", keyId.value())
                .map(
                    (rs, ctx) ->
                        new KeyHealth(
                            SqlValues.instant(rs, "last_success_at"),
                            rs.getInt("consecutive_failures"),
                            SqlValues.instant(rs, "last_failure_at"),
                            rs.getString("last_error_category"),
                            SqlValues.instant(rs, "next_run_at"),
                            rs.getInt("dead_letters")))
                .findOne());
  }

  @Override
  public List<KeyRef> listActiveKeys() {
    return transactions.withoutOrg(
        "list active provider keys",
        handle ->
            handle
                .createQuery("select org_id, id from reckon.active_provider_keys()")
                .map(
                    (rs, ctx) ->
                        new KeyRef(
                            new OrgId(rs.getObject("org_id", UUID.class)),
                            new ProviderKeyId(rs.getObject("id", UUID.class))))
                .list());
  }

  private void update(
      OrgId orgId, ProviderKeyId keyId, String operation, String assignment, Object value) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    transactions.inOrg(
        orgId,
        operation + " " + keyId,
        handle ->
            handle
                .createUpdate(
                    "update reckon.provider_keys set "
                        + assignment
                        + " where org_id = :org and id = :id")
                .bind("org", orgId.value())
                .bind("id", keyId.value())
                .bind("value", value)
                .execute());
  }

  private static ProviderKeyRecord record(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ProviderKeyRecord(
        new ProviderKeyId(rs.getObject("id", UUID.class)),
        new OrgId(rs.getObject("org_id", UUID.class)),
        Provider.fromId(rs.getString("provider")),
        rs.getString("label"),
        new KeyHint(rs.getString("hint")),
        ProviderKeyStatus.fromId(rs.getString("status")),
        rs.getString("attention_reason"),
        new SealedKey(rs.getBytes("sealed")),
        rs.getString("created_by"),
        SqlValues.instant(rs, "created_at"),
        SqlValues.instant(rs, "last_success_at"));
  }
}
