package dev.reckon.ports.in;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.ProviderKeyId;
import java.util.List;

/**
 * Lists and deletes an organization's provider keys; adding and replacing have their own use cases.
 */
public interface ManageProviderKeysUseCase {

  /** Lists the organization's keys, oldest first, without their sealed envelopes. */
  List<ProviderKeySummary> list(OrgId orgId);

  /**
   * Deletes the key's sealed record, which destroys the only copy of its wrapped data key, and so
   * stops polling it. Usage history stays until retention or data deletion removes it.
   *
   * @throws NoSuchProviderKeyException when the key does not exist in the organization
   */
  void delete(OrgId orgId, ProviderKeyId keyId);
}
