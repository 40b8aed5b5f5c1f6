package dev.reckon.ports.service;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.in.RewrapKeysUseCase;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.KeyRewrapper;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRepository;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Re-wraps every stored provider key under the current master key, one key per transaction.
 *
 * <p>A key that cannot be re-wrapped (a damaged record, a master key no longer accepted) is counted
 * and named by id, and the run goes on. A key service that is down stops the run with {@link
 * dev.reckon.ports.out.MasterKeyUnavailableException}; running again picks up where it stopped. Old
 * master key versions are retired only when a second pass finds no key still using them.
 */
public final class RewrapKeysService implements RewrapKeysUseCase {

  private final OrganizationRepository organizations;
  private final ProviderKeyRepository keys;
  private final KeyRewrapper rewrapper;

  public RewrapKeysService(
      OrganizationRepository organizations, ProviderKeyRepository keys, KeyRewrapper rewrapper) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.rewrapper = Objects.requireNonNull(rewrapper, "rewrapper");
  }

  @Override
  public Summary rewrapAll(Progress progress) {
    Objects.requireNonNull(progress, "progress");
    String current = rewrapper.currentMasterKeyId();
    List<ProviderKeyRecord> all = allKeys();

    int rewrapped = 0;
    int alreadyCurrent = 0;
    int changedMeanwhile = 0;
    List<String> failedKeys = new ArrayList<>();
    int done = 0;
    for (ProviderKeyRecord key : all) {
      switch (rewrap(key, current)) {
        case REWRAPPED -> rewrapped++;
        case ALREADY_CURRENT -> alreadyCurrent++;
        case CHANGED_MEANWHILE -> changedMeanwhile++;
        case FAILED -> failedKeys.add(key.id().toString());
      }
      progress.keyDone(++done, all.size());
    }

    List<String> retired = List.of();
    // A damaged record may name any version, so nothing is retired while one is left.
    if (failedKeys.isEmpty()) {
      retired = rewrapper.retireUnused(masterKeysInUse());
    }
    return new Summary(
        all.size(),
        rewrapped,
        alreadyCurrent,
        failedKeys.size(),
        changedMeanwhile,
        failedKeys,
        current,
        retired);
  }

  private enum Outcome {
    REWRAPPED,
    ALREADY_CURRENT,
    CHANGED_MEANWHILE,
    FAILED
  }

  private Outcome rewrap(ProviderKeyRecord key, String current) {
    SealedKey sealed = key.sealed();
    try {
      if (current.equals(rewrapper.masterKeyIdOf(sealed))) {
        return Outcome.ALREADY_CURRENT;
      }
      SealedKey replacement =
          rewrapper.rewrap(sealed, new KeyBinding(key.orgId(), key.id(), key.provider()));
      return keys.swapSealed(key.orgId(), key.id(), sealed, replacement)
          ? Outcome.REWRAPPED
          : Outcome.CHANGED_MEANWHILE;
    } catch (UnableToOpenKeyException e) {
      return Outcome.FAILED;
    }
  }

  private List<ProviderKeyRecord> allKeys() {
    List<ProviderKeyRecord> all = new ArrayList<>();
    for (OrgId orgId : organizations.listIds()) {
      all.addAll(keys.list(orgId));
    }
    return all;
  }

  // Read again after the pass, so that keys added while it ran count as well.
  private Set<String> masterKeysInUse() {
    Set<String> inUse = new TreeSet<>();
    for (ProviderKeyRecord key : allKeys()) {
      inUse.add(rewrapper.masterKeyIdOf(key.sealed()));
    }
    return inUse;
  }
}
