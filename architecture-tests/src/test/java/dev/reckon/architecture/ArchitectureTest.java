package dev.reckon.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.reckon");

  private static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackages("dev.reckon.archfixture");

  @Test
  void domainDependsOnlyOnJdk() {
    ReckonRules.coreDependsOnlyOnJdk("dev.reckon.domain..").check(PRODUCTION);
  }

  @Test
  void portsDependOnlyOnJdkAndDomain() {
    ReckonRules.coreDependsOnlyOnJdk("dev.reckon.ports..", "dev.reckon.domain..").check(PRODUCTION);
  }

  @Test
  void coreNeverReadsClockOrRandomnessDirectly() {
    ReckonRules.coreTakesTimeAndRandomnessFromPorts("dev.reckon.domain..").check(PRODUCTION);
    ReckonRules.coreTakesTimeAndRandomnessFromPorts("dev.reckon.ports..").check(PRODUCTION);
  }

  @Test
  void adaptersDependOnNeitherEachOtherNorApps() {
    String[] apps = {"dev.reckon.web..", "dev.reckon.worker..", "dev.reckon.sandbox.."};
    String[] adapters = {
      "dev.reckon.adapter.postgres..",
      "dev.reckon.adapter.kms..",
      "dev.reckon.adapter.provider..",
      "dev.reckon.adapter.sentry.."
    };
    for (String adapter : adapters) {
      String[] others =
          Arrays.stream(adapters).filter(other -> !other.equals(adapter)).toArray(String[]::new);
      ReckonRules.adapterStaysAlone(adapter, with(apps, others)).check(PRODUCTION);
    }
  }

  /** The error reporting adapter works for any code, so it does not know Reckon's domain. */
  @Test
  void sentryAdapterKnowsNoDomain() {
    ReckonRules.adapterStaysAlone(
            "dev.reckon.adapter.sentry..", "dev.reckon.domain..", "dev.reckon.ports..")
        .check(PRODUCTION);
  }

  @Test
  void sandboxStandsAlone() {
    ReckonRules.adapterStaysAlone(
            "dev.reckon.sandbox..",
            "dev.reckon.domain..",
            "dev.reckon.ports..",
            "dev.reckon.adapter..",
            "dev.reckon.web..",
            "dev.reckon.worker..")
        .check(PRODUCTION);
  }

  @Test
  void webCannotReachKeyOpening() {
    ReckonRules.cannotReachKeyOpening("dev.reckon.web..").check(PRODUCTION);
  }

  @Test
  void plantedWebViolationIsCaught() {
    assertThatThrownBy(
            () -> ReckonRules.cannotReachKeyOpening("dev.reckon.archfixture.web..").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PlantedKeyOpenerUse");
  }

  @Test
  void recordsHoldNoSecrets() {
    ReckonRules.recordsHoldNoSecrets("dev.reckon..", ReckonRules.SECRET_TYPES).check(PRODUCTION);
  }

  @Test
  void plantedSecretRecordIsCaught() {
    assertThatThrownBy(
            () ->
                ReckonRules.recordsHoldNoSecrets(
                        "dev.reckon.archfixture..", ReckonRules.SECRET_TYPES)
                    .check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PlantedSecretRecord.key");
  }

  @Test
  void secretTypesHideTheirContent() {
    ReckonRules.secretTypesHideTheirContent(ReckonRules.SECRET_TYPES).check(PRODUCTION);
  }

  @Test
  void plantedLeakySecretIsCaught() {
    List<String> planted = List.of("dev.reckon.archfixture.secrets.PlantedLeakySecret");

    assertThatThrownBy(() -> ReckonRules.secretTypesHideTheirContent(planted).check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Serializable")
        .hasMessageContaining("does not declare toString")
        .hasMessageContaining("declares equals");
  }

  @Test
  void rulesFailOnEmptyPackages() {
    assertThatThrownBy(
            () -> ReckonRules.cannotReachKeyOpening("dev.reckon.nosuchtier..").check(PRODUCTION))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
