package dev.reckon.adapter.kms.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.adapter.kms.FrozenEnvelopeVectors;
import dev.reckon.adapter.kms.TestKeys;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.UnableToOpenKeyException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the committed format version 1 vectors with the current code. */
class EnvelopeKeyOpenerFrozenVectorsTest {

  @TempDir Path directory;

  private LocalMasterKeyFile keyFile;
  private EnvelopeKeyOpener opener;

  @BeforeEach
  void loadTestMasterKey() throws IOException {
    Path path = FrozenEnvelopeVectors.copyMasterKeyFile(directory);
    keyFile = LocalMasterKeyFile.openOrCreate(path, false);
    opener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile));
  }

  @AfterEach
  void closeTestMasterKey() {
    keyFile.close();
  }

  @Test
  void openReturnsEveryFrozenPlaintext() {
    var vectors = FrozenEnvelopeVectors.loadVectors();

    assertThat(vectors).hasSize(4);
    for (FrozenEnvelopeVectors.Vector vector : vectors) {
      SealedKey sealed = new SealedKey(vector.envelope());
      assertThat(TestKeys.utf8(opener.open(sealed, vector.binding())))
          .as(vector.name())
          .isEqualTo(vector.plaintext());
    }
  }

  @Test
  void openRejectsEveryFrozenMustFailCase() {
    var cases = FrozenEnvelopeVectors.loadMustFail();

    assertThat(cases).hasSize(10);
    for (FrozenEnvelopeVectors.MustFail mustFail : cases) {
      SealedKey sealed = new SealedKey(mustFail.envelope());
      assertThatThrownBy(() -> opener.open(sealed, mustFail.binding()))
          .as(mustFail.name())
          .isInstanceOf(UnableToOpenKeyException.class)
          .hasMessage(mustFail.message());
    }
  }

  @Test
  void openRejectsEveryBitFlipOfFrozenVectors() {
    for (FrozenEnvelopeVectors.Vector vector : FrozenEnvelopeVectors.loadVectors()) {
      for (int position = 0; position < vector.envelope().length; position++) {
        byte[] changed = vector.envelope().clone();
        changed[position] ^= 0x01;
        assertThatThrownBy(() -> opener.open(new SealedKey(changed), vector.binding()))
            .as("%s byte %d", vector.name(), position)
            .isInstanceOf(UnableToOpenKeyException.class);
      }
    }
  }
}
