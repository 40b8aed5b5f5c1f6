package dev.reckon.adapter.kms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Checks that the committed test vectors are exactly what the generator makes from its fixed
 * inputs. Other test classes open them with the current code.
 */
class FrozenEnvelopeVectorsTest {

  @Test
  void generatorReproducesCommittedVectors() throws Exception {
    JsonNode generated = FrozenEnvelopeVectors.generate();

    JsonNode committed = FrozenEnvelopeVectors.loadCommitted();

    assertThat(generated).isEqualTo(committed);
  }

  @Test
  void generatorReproducesCommittedMasterKeyFile() {
    String generated = FrozenEnvelopeVectors.masterKeyFileText();

    String committed = FrozenEnvelopeVectors.loadCommittedMasterKeyFileText();

    assertThat(generated).isEqualTo(committed);
  }

  @Test
  void committedVectorsCoverBothMasterKeyVersions() {
    var vectors = FrozenEnvelopeVectors.loadVectors();

    var mustFail = FrozenEnvelopeVectors.loadMustFail();

    assertThat(vectors)
        .extracting(FrozenEnvelopeVectors.Vector::masterKeyId)
        .containsExactly("local:v1", "local:v1", "local:v2", "local:v2");
    assertThat(mustFail).hasSize(10);
  }

  /** Rewrites the committed files when requested, as the README next to them describes. */
  @Test
  @EnabledIfSystemProperty(named = "reckon.writeEnvelopeVectors", matches = "true")
  void writeVectorsWhenRequested() throws Exception {
    Path directory = Path.of("src", "test", "resources", FrozenEnvelopeVectors.RESOURCE_DIRECTORY);

    FrozenEnvelopeVectors.writeTo(directory);

    assertThat(directory.resolve(FrozenEnvelopeVectors.VECTORS_FILE)).isRegularFile();
  }
}
