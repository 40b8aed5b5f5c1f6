package dev.reckon.adapter.kms.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.adapter.kms.TestKeys;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalMasterKeyUnwrapperTest {

  private static final EncryptionContext CONTEXT =
      EncryptionContext.forBinding(TestKeys.newBinding(Provider.OPENAI));

  @TempDir Path directory;

  private LocalMasterKeyFile keyFile;
  private LocalMasterKeyUnwrapper unwrapper;

  @BeforeEach
  void createKeyFile() {
    keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("master-key"), false);
    unwrapper = new LocalMasterKeyUnwrapper(keyFile);
  }

  @AfterEach
  void closeKeyFile() {
    keyFile.close();
  }

  @Test
  void unwrapReturnsGeneratedDataKey() {
    GeneratedDataKey generated = keyFile.generateDataKey(CONTEXT);

    SecretBytes unwrapped = unwrapper.unwrap("local:v1", generated.wrappedDataKey(), CONTEXT);

    assertThat(unwrapped.unsafeRevealBytesWithoutCopy())
        .isEqualTo(generated.unsafeRevealPlaintextWithoutCopy());
  }

  @Test
  void unwrapRejectsOtherContextWithChainedCause() {
    GeneratedDataKey generated = keyFile.generateDataKey(CONTEXT);
    EncryptionContext other = EncryptionContext.forBinding(TestKeys.newBinding(Provider.OPENAI));

    assertThatThrownBy(() -> unwrapper.unwrap("local:v1", generated.wrappedDataKey(), other))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("wrapped data key failed authentication")
        .hasCauseInstanceOf(AEADBadTagException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 59, 61, 4096})
  void unwrapRejectsWrappedKeyOfWrongLength(int length) {
    byte[] wrapped = Arrays.copyOf(keyFile.generateDataKey(CONTEXT).wrappedDataKey(), length);

    assertThatThrownBy(() -> unwrapper.unwrap("local:v1", wrapped, CONTEXT))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("wrapped data key has an invalid length");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local:v2", "local:v0", "local:v01", "LOCAL:v1", "local:v1 ", ""})
  void unwrapRejectsKeyIdOutsideFile(String masterKeyId) {
    byte[] wrapped = keyFile.generateDataKey(CONTEXT).wrappedDataKey();

    assertThatThrownBy(() -> unwrapper.unwrap(masterKeyId, wrapped, CONTEXT))
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("sealed key names an unknown master key");
  }

  @Test
  void unwrapRejectsKeyWrappedByOtherVersion() {
    byte[] wrappedByVersionOne = keyFile.generateDataKey(CONTEXT).wrappedDataKey();

    keyFile.addVersion();

    assertThatThrownBy(() -> unwrapper.unwrap("local:v2", wrappedByVersionOne, CONTEXT))
        .hasMessage("wrapped data key failed authentication");
    assertThat(unwrapper.unwrap("local:v1", wrappedByVersionOne, CONTEXT).length()).isEqualTo(32);
  }

  @Test
  void unwrapRejectsAfterKeyFileClosed() {
    byte[] wrapped = keyFile.generateDataKey(CONTEXT).wrappedDataKey();

    keyFile.close();

    assertThatThrownBy(() -> unwrapper.unwrap("local:v1", wrapped, CONTEXT))
        .hasMessage("sealed key names an unknown master key");
  }
}
