package dev.reckon.ports.in;

/** Validates, seals and stores a customer's provider admin key. */
public interface AddProviderKeyUseCase {

  /**
   * Adds the key and returns its id and hint. The command's secret is zeroed when this returns,
   * whether it succeeds or throws.
   *
   * @throws dev.reckon.domain.key.InvalidProviderKeyException when the key does not look like an
   *     admin key of its provider
   * @throws NoSuchOrganizationException when the organization does not exist
   */
  AddedProviderKey add(AddProviderKeyCommand command);
}
