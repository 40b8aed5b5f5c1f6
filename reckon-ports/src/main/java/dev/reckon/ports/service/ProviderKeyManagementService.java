package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.in.ManageProviderKeysUseCase;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.in.ProviderKeySummary;
import dev.reckon.ports.out.ProviderKeyRepository;
import java.util.List;
import java.util.Objects;

/** Lists an organization's provider keys without their envelopes, and deletes them. */
public final class ProviderKeyManagementService implements ManageProviderKeysUseCase {

  private final ProviderKeyRepository keys;

  public ProviderKeyManagementService(ProviderKeyRepository keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public List<ProviderKeySummary> list(OrgId orgId) {
    Objects.requireNonNull(orgId, "orgId");
    return keys.list(orgId).stream().map(ProviderKeySummary::from).toList();
  }

  // A key of another organization is reported exactly like a missing one, so the exception does
  // not reveal that the id exists in another organization.
  @Override
  public void delete(OrgId orgId, ProviderKeyId keyId) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(keyId, "keyId");
    if (!keys.delete(orgId, keyId)) {
      throw new NoSuchProviderKeyException("provider key " + keyId + " not found");
    }
  }
}
