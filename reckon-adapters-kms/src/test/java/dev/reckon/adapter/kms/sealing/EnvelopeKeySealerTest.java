package dev.reckon.adapter.kms.sealing;

import static dev.reckon.adapter.kms.TestKeys.FAKE_OPENAI_KEY;
import static dev.reckon.adapter.kms.TestKeys.fakeOpenAiKey;
import static dev.reckon.adapter.kms.TestKeys.newBinding;
import static dev.reckon.adapter.kms.TestKeys.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.FrozenEnvelopeVectors;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.adapter.kms.TestRandom;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.opening.EnvelopeKeyOpener;
import dev.reckon.adapter.kms.opening.LocalMasterKeyUnwrapper;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeKeySealerTest {

  @TempDir Path directory;

  private LocalMasterKeyFile keyFile;
  private RecordingDataKeyGenerator dataKeys;

  @BeforeEach
  void createKeyFile() {
    keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("master-key"), false);
    dataKeys = new RecordingDataKeyGenerator(keyFile);
  }

  @AfterEach
  void closeKeyFile() {
    keyFile.close();
  }

  @Test
  void sealThenOpenReturnsSameKey() {
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(keyFile);
    EnvelopeKeyOpener opener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile));
    KeyBinding binding = newBinding(Provider.OPENAI);

    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    try (SecretBytes opened = opener.open(sealed, binding)) {
      assertThat(utf8(opened)).isEqualTo(FAKE_OPENAI_KEY);
    }
  }

  @Test
  void sealWritesMasterKeyIdAndBindsContext() {
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(dataKeys);
    KeyBinding binding = newBinding(Provider.ANTHROPIC);

    SealedKey sealed = sealer.seal(fakeOpenAiKey(), binding);

    Envelope envelope = Envelope.decode(sealed.bytes());
    assertThat(envelope.masterKeyId()).isEqualTo("local:v1");
    assertThat(envelope.wrappedDataKey()).isEqualTo(dataKeys.wrappedDataKeys().get(0));
    assertThat(envelope.ciphertextAndTag()).hasSize(FAKE_OPENAI_KEY.length() + 16);
    assertThat(dataKeys.contexts()).containsExactly(EncryptionContext.forBinding(binding));
  }

  @Test
  void sealsOfSameKeyShareNothing() {
    List<byte[]> dataKeyCopies = new ArrayList<>();
    EnvelopeKeySealer sealer =
        new EnvelopeKeySealer(
            context -> {
              GeneratedDataKey dataKey = keyFile.generateDataKey(context);
              dataKeyCopies.add(dataKey.unsafeRevealPlaintextWithoutCopy().clone());
              return dataKey;
            });
    KeyBinding binding = newBinding(Provider.OPENAI);

    Envelope first = Envelope.decode(sealer.seal(fakeOpenAiKey(), binding).bytes());
    Envelope second = Envelope.decode(sealer.seal(fakeOpenAiKey(), binding).bytes());

    assertThat(dataKeyCopies).hasSize(2);
    assertThat(dataKeyCopies.get(0)).isNotEqualTo(dataKeyCopies.get(1));
    assertThat(first.wrappedDataKey()).isNotEqualTo(second.wrappedDataKey());
    assertThat(first.iv()).isNotEqualTo(second.iv());
    assertThat(first.ciphertextAndTag()).isNotEqualTo(second.ciphertextAndTag());
  }

  @Test
  void sealZeroesDataKeyAfterSuccess() {
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(dataKeys);

    sealer.seal(fakeOpenAiKey(), newBinding(Provider.OPENAI));

    assertThat(dataKeys.plaintextDataKeys()).hasSize(1);
    assertThat(TestRandom.allZero(dataKeys.plaintextDataKeys())).isTrue();
  }

  @Test
  void sealZeroesDataKeyOnFailure() {
    TestRandom random = TestRandom.real().failingOnCall(1);
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(dataKeys, random);

    assertThatThrownBy(() -> sealer.seal(fakeOpenAiKey(), newBinding(Provider.OPENAI)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("injected random failure");

    assertThat(dataKeys.plaintextDataKeys()).hasSize(1);
    assertThat(TestRandom.allZero(dataKeys.plaintextDataKeys())).isTrue();
  }

  @Test
  void sealLeavesCallerKeyIntact() {
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(keyFile);
    SecretBytes key = fakeOpenAiKey();

    sealer.seal(key, newBinding(Provider.OPENAI));

    assertThat(key.isDestroyed()).isFalse();
    assertThat(utf8(key)).isEqualTo(FAKE_OPENAI_KEY);
  }

  @Test
  void sealRejectsEmptyKey() {
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(dataKeys);
    SecretBytes empty = SecretBytes.copyOf(new byte[0]);

    assertThatThrownBy(() -> sealer.seal(empty, newBinding(Provider.OPENAI)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'plaintext' must not be empty");

    assertThat(dataKeys.plaintextDataKeys()).isEmpty();
  }

  @Test
  void sealPassesMasterKeyFailureThrough() {
    keyFile.close();
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(keyFile);

    assertThatThrownBy(() -> sealer.seal(fakeOpenAiKey(), newBinding(Provider.OPENAI)))
        .isInstanceOf(UnableToSealKeyException.class)
        .hasMessage("local master key file is closed");
  }

  @Test
  void sealReproducesFrozenVectors() {
    for (FrozenEnvelopeVectors.Vector vector : FrozenEnvelopeVectors.loadVectors()) {
      byte[] wrapped = Envelope.decode(vector.envelope()).wrappedDataKey();
      EnvelopeKeySealer sealer =
          new EnvelopeKeySealer(
              context ->
                  new GeneratedDataKey(
                      SecretBytes.copyOf(vector.dataKey()), wrapped, vector.masterKeyId()),
              TestRandom.scripted(vector.payloadIv()));
      SecretBytes plaintext =
          SecretBytes.copyOf(vector.plaintext().getBytes(StandardCharsets.UTF_8));

      SealedKey sealed = sealer.seal(plaintext, vector.binding());

      assertThat(sealed.bytes()).as(vector.name()).isEqualTo(vector.envelope());
    }
  }

  @Test
  void toStringNamesGeneratorOnly() {
    EnvelopeKeySealer sealer = new EnvelopeKeySealer(dataKeys);

    String text = sealer.toString();

    assertThat(text).isEqualTo("EnvelopeKeySealer[dataKeys=RecordingDataKeyGenerator]");
  }
}
