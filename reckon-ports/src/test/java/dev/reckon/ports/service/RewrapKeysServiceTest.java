package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.RewrapKeysUseCase.Summary;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.KeyRewrapper;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import dev.reckon.ports.testing.InMemoryProviderKeyRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RewrapKeysServiceTest {

  private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
  private static final byte DAMAGED = (byte) 0xEE;

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryProviderKeyRepository keys = new InMemoryProviderKeyRepository();
  private final VersionedRewrapper rewrapper = new VersionedRewrapper(2, Set.of(1, 2));
  private final RewrapKeysService service = new RewrapKeysService(organizations, keys, rewrapper);

  @Test
  void rewrapMovesOldKeysAndRetiresVersions() {
    ProviderKeyRecord old = addKey(newOrg(), 1, "payload-a");
    ProviderKeyRecord current = addKey(newOrg(), 2, "payload-b");
    List<String> progress = new ArrayList<>();

    Summary summary = service.rewrapAll((done, total) -> progress.add(done + "/" + total));

    assertThat(summary.total()).isEqualTo(2);
    assertThat(summary.rewrapped()).isEqualTo(1);
    assertThat(summary.alreadyCurrent()).isEqualTo(1);
    assertThat(summary.failed()).isZero();
    assertThat(summary.currentMasterKeyId()).isEqualTo("mk-v2");
    assertThat(summary.retiredMasterKeyIds()).containsExactly("mk-v1");
    assertThat(progress).containsExactly("1/2", "2/2");
    assertThat(sealedOf(old)).isEqualTo(sealed(2, "payload-a"));
    assertThat(sealedOf(current)).isEqualTo(current.sealed());
  }

  @Test
  void secondRunChangesNothing() {
    addKey(newOrg(), 1, "payload-a");
    service.rewrapAll(RewrapKeysService.Progress.NONE);
    int rewrapCalls = rewrapper.rewrapCalls;

    Summary again = service.rewrapAll(RewrapKeysService.Progress.NONE);

    assertThat(again.rewrapped()).isZero();
    assertThat(again.alreadyCurrent()).isEqualTo(1);
    assertThat(again.retiredMasterKeyIds()).isEmpty();
    assertThat(rewrapper.rewrapCalls).isEqualTo(rewrapCalls);
  }

  @Test
  void damagedKeyIsCountedAndBlocksRetirement() {
    addKey(newOrg(), 1, "payload-a");
    ProviderKeyRecord damaged = addKey(newOrg(), DAMAGED, "payload-b");

    Summary summary = service.rewrapAll(RewrapKeysService.Progress.NONE);

    assertThat(summary.rewrapped()).isEqualTo(1);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.failedKeys()).containsExactly(damaged.id().toString());
    assertThat(summary.retiredMasterKeyIds()).isEmpty();
    assertThat(rewrapper.retireCalls).isZero();
  }

  @Test
  void keyReplacedDuringRunKeepsTheAdminsEnvelope() {
    ProviderKeyRecord key = addKey(newOrg(), 1, "payload-a");
    SealedKey adminsNewKey = sealed(2, "payload-new");
    rewrapper.beforeRewrap =
        () -> keys.replaceSealed(key.orgId(), key.id(), adminsNewKey, new KeyHint("NEW1"));

    Summary summary = service.rewrapAll(RewrapKeysService.Progress.NONE);

    assertThat(summary.changedMeanwhile()).isEqualTo(1);
    assertThat(summary.rewrapped()).isZero();
    assertThat(sealedOf(key)).isEqualTo(adminsNewKey);
  }

  @Test
  void outageStopsRunAndRerunResumes() {
    ProviderKeyRecord first = addKey(newOrg(), 1, "payload-a");
    ProviderKeyRecord second = addKey(newOrg(), 1, "payload-b");
    rewrapper.failAfter = 1;

    assertThatThrownBy(() -> service.rewrapAll(RewrapKeysService.Progress.NONE))
        .isInstanceOf(MasterKeyUnavailableException.class);
    assertThat(sealedOf(first)).isEqualTo(sealed(2, "payload-a"));
    assertThat(sealedOf(second)).isEqualTo(sealed(1, "payload-b"));

    rewrapper.failAfter = Integer.MAX_VALUE;
    Summary resumed = service.rewrapAll(RewrapKeysService.Progress.NONE);

    assertThat(resumed.rewrapped()).isEqualTo(1);
    assertThat(resumed.alreadyCurrent()).isEqualTo(1);
    assertThat(sealedOf(second)).isEqualTo(sealed(2, "payload-b"));
  }

  private OrgId newOrg() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    return organization.id();
  }

  private ProviderKeyRecord addKey(OrgId orgId, int version, String body) {
    ProviderKeyRecord template = Fixtures.providerKey(orgId, Provider.OPENAI, CREATED);
    ProviderKeyRecord key =
        new ProviderKeyRecord(
            template.id(),
            template.orgId(),
            template.provider(),
            template.label(),
            template.hint(),
            template.status(),
            template.attentionReason(),
            sealed(version, body),
            template.createdBy(),
            template.createdAt(),
            template.lastSuccessAt());
    keys.insert(key);
    return key;
  }

  private SealedKey sealedOf(ProviderKeyRecord key) {
    return keys.find(key.orgId(), key.id()).orElseThrow().sealed();
  }

  private static SealedKey sealed(int version, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = new byte[bytes.length + 1];
    sealed[0] = (byte) version;
    System.arraycopy(bytes, 0, sealed, 1, bytes.length);
    return new SealedKey(sealed);
  }

  /** Sealed keys whose first byte names the master key version; the rest stands for ciphertext. */
  private static final class VersionedRewrapper implements KeyRewrapper {

    private final int current;
    private final Set<Integer> versions;
    int rewrapCalls;
    int retireCalls;
    int failAfter = Integer.MAX_VALUE;
    Runnable beforeRewrap = () -> {};

    VersionedRewrapper(int current, Set<Integer> versions) {
      this.current = current;
      this.versions = new TreeSet<>(versions);
    }

    @Override
    public String currentMasterKeyId() {
      return "mk-v" + current;
    }

    @Override
    public String masterKeyIdOf(SealedKey sealed) {
      byte version = sealed.bytes()[0];
      if (version == DAMAGED) {
        throw new UnableToOpenKeyException("sealed key is truncated");
      }
      return "mk-v" + version;
    }

    @Override
    public SealedKey rewrap(SealedKey sealed, KeyBinding binding) {
      masterKeyIdOf(sealed);
      if (rewrapCalls >= failAfter) {
        throw new MasterKeyUnavailableException(
            MasterKeyUnavailableException.Reason.SERVICE_ERROR, "key service failed", null);
      }
      rewrapCalls++;
      beforeRewrap.run();
      byte[] bytes = sealed.bytes();
      bytes[0] = (byte) current;
      return new SealedKey(bytes);
    }

    @Override
    public List<String> retireUnused(Set<String> inUse) {
      retireCalls++;
      List<String> retired = new ArrayList<>();
      for (Integer version : List.copyOf(versions)) {
        String id = "mk-v" + version;
        if (version != current && !inUse.contains(id)) {
          versions.remove(version);
          retired.add(id);
        }
      }
      return retired;
    }
  }
}
