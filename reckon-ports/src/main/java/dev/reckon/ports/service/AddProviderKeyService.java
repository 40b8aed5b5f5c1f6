package dev.reckon.ports.service;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyShape;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.in.AddProviderKeyCommand;
import dev.reckon.ports.in.AddProviderKeyUseCase;
import dev.reckon.ports.in.AddedProviderKey;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.in.ReplaceProviderKeyCommand;
import dev.reckon.ports.in.ReplaceProviderKeyUseCase;
import dev.reckon.ports.out.IdGenerator;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.KeySealer;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SealedKey;
import java.time.Clock;

/**
 * Checks a submitted admin key's shape, seals it for its row and stores it as active, either as a
 * new key or in place of a stored key's secret.
 */
public final class AddProviderKeyService
    implements AddProviderKeyUseCase, ReplaceProviderKeyUseCase {

  private final OrganizationRepository organizations;
  private final ProviderKeyRepository keys;
  private final KeySealer sealer;
  private final IdGenerator ids;
  private final Clock clock;

  public AddProviderKeyService(
      OrganizationRepository organizations,
      ProviderKeyRepository keys,
      KeySealer sealer,
      IdGenerator ids,
      Clock clock) {
    this.organizations = organizations;
    this.keys = keys;
    this.sealer = sealer;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public AddedProviderKey add(AddProviderKeyCommand command) {
    try {
      if (organizations.find(command.orgId()).isEmpty()) {
        throw new NoSuchOrganizationException("organization " + command.orgId() + " not found");
      }
      ProviderKeyShape.requireAdminKey(command.provider(), command.key());

      ProviderKeyId id = new ProviderKeyId(ids.newId());
      KeyHint hint = KeyHint.of(command.key());
      SealedKey sealed =
          sealer.seal(command.key(), new KeyBinding(command.orgId(), id, command.provider()));

      keys.insert(
          new ProviderKeyRecord(
              id,
              command.orgId(),
              command.provider(),
              command.label(),
              hint,
              ProviderKeyStatus.ACTIVE,
              null,
              sealed,
              command.createdBy(),
              clock.instant(),
              null));
      return new AddedProviderKey(id, hint);
    } finally {
      command.key().close();
    }
  }

  @Override
  public AddedProviderKey replace(ReplaceProviderKeyCommand command) {
    try {
      ProviderKeyRecord stored =
          keys.find(command.orgId(), command.keyId())
              .orElseThrow(
                  () ->
                      new NoSuchProviderKeyException(
                          "provider key "
                              + command.keyId()
                              + " not found in organization "
                              + command.orgId()));
      ProviderKeyShape.requireAdminKey(stored.provider(), command.key());

      KeyHint hint = KeyHint.of(command.key());
      SealedKey sealed = sealer.seal(command.key(), stored.binding());

      keys.replaceSealed(stored.orgId(), stored.id(), sealed, hint);
      return new AddedProviderKey(stored.id(), hint);
    } finally {
      command.key().close();
    }
  }
}
