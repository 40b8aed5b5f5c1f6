package dev.reckon.ports.in;

/**
 * Replaces the secret of a stored provider key, for example after the provider rejected it, and
 * makes the key active again. The key keeps its id, so its usage history and watermarks stay.
 */
public interface ReplaceProviderKeyUseCase {

  /**
   * Replaces the key and returns its id and new hint. The command's secret is zeroed when this
   * returns, whether it succeeds or throws.
   *
   * @throws dev.reckon.domain.key.InvalidProviderKeyException when the new key does not look like
   *     an admin key of the stored key's provider
   * @throws NoSuchProviderKeyException when the key does not exist in the organization
   */
  AddedProviderKey replace(ReplaceProviderKeyCommand command);
}
