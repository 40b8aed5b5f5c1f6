package dev.reckon.adapter.kms.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.TestKeys;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.sealing.EnvelopeKeySealer;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMasterKeyRotationTest {

  private static final String FAKE_KEY = "sk-admin-FAKE-rotation-test-key-0000000000";

  @TempDir Path directory;

  private LocalMasterKeyFile keyFile;
  private EnvelopeKeySealer sealer;
  private EnvelopeKeyOpener opener;
  private EnvelopeKeyRewrapper rewrapper;

  @BeforeEach
  void createKeyFile() {
    keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("master-key"), false);
    sealer = new EnvelopeKeySealer(keyFile);
    opener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile));
    rewrapper = new EnvelopeKeyRewrapper(new LocalMasterKeyRewrapper(keyFile));
  }

  @AfterEach
  void closeKeyFile() {
    keyFile.close();
  }

  @Test
  void rotationKeepsOldRecordsOpen() {
    KeyBinding binding = TestKeys.newBinding(Provider.OPENAI);
    SealedKey before = seal(binding);

    String newVersion = keyFile.addVersion();
    SealedKey after = seal(binding);

    assertThat(newVersion).isEqualTo("local:v2");
    assertThat(rewrapper.masterKeyIdOf(before)).isEqualTo("local:v1");
    assertThat(rewrapper.masterKeyIdOf(after)).isEqualTo("local:v2");
    assertThat(open(before, binding)).isEqualTo(FAKE_KEY);
    assertThat(open(after, binding)).isEqualTo(FAKE_KEY);
  }

  @Test
  void rewrapChangesOnlyTheWrappedDataKey() {
    KeyBinding binding = TestKeys.newBinding(Provider.ANTHROPIC);
    SealedKey before = seal(binding);
    keyFile.addVersion();

    SealedKey rewrapped = rewrapper.rewrap(before, binding);

    Envelope old = Envelope.decode(before.bytes());
    Envelope moved = Envelope.decode(rewrapped.bytes());
    assertThat(moved.masterKeyId()).isEqualTo("local:v2");
    assertThat(moved.iv()).isEqualTo(old.iv());
    assertThat(moved.ciphertextAndTag()).isEqualTo(old.ciphertextAndTag());
    assertThat(moved.wrappedDataKey()).isNotEqualTo(old.wrappedDataKey());
    assertThat(open(rewrapped, binding)).isEqualTo(FAKE_KEY);
  }

  @Test
  void rewrapRefusesRecordOfAnotherRow() {
    KeyBinding binding = TestKeys.newBinding(Provider.OPENAI);
    SealedKey sealed = seal(binding);
    keyFile.addVersion();

    assertThatThrownBy(() -> rewrapper.rewrap(sealed, TestKeys.newBinding(Provider.OPENAI)))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("wrapped data key failed authentication");
  }

  @Test
  void retireKeepsCurrentAndInUseVersions() {
    KeyBinding binding = TestKeys.newBinding(Provider.OPENAI);
    SealedKey onFirst = seal(binding);
    keyFile.addVersion();
    SealedKey onSecond = seal(binding);
    keyFile.addVersion();

    var retired = rewrapper.retireUnused(Set.of("local:v1"));

    assertThat(retired).containsExactly("local:v2");
    assertThat(open(onFirst, binding)).isEqualTo(FAKE_KEY);
    assertThatThrownBy(() -> open(onSecond, binding))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("sealed key names an unknown master key");
    try (LocalMasterKeyFile reloaded =
        LocalMasterKeyFile.openOrCreate(directory.resolve("master-key"), false)) {
      assertThat(reloaded.currentKeyId()).isEqualTo("local:v3");
      assertThat(reloaded.unsafeRevealMasterKeyWithoutCopy("local:v1")).isPresent();
      assertThat(reloaded.unsafeRevealMasterKeyWithoutCopy("local:v2")).isEmpty();
    }
  }

  @Test
  void retiringWithNothingUnusedLeavesFileAlone() {
    keyFile.addVersion();

    var retired = rewrapper.retireUnused(Set.of("local:v1", "local:v2"));

    assertThat(retired).isEmpty();
    assertThat(keyFile.unsafeRevealMasterKeyWithoutCopy("local:v1")).isPresent();
  }

  private SealedKey seal(KeyBinding binding) {
    try (SecretBytes plaintext = TestKeys.fakeKey(FAKE_KEY)) {
      return sealer.seal(plaintext, binding);
    }
  }

  private String open(SealedKey sealed, KeyBinding binding) {
    try (SecretBytes opened = opener.open(sealed, binding)) {
      return TestKeys.utf8(opened);
    }
  }
}
