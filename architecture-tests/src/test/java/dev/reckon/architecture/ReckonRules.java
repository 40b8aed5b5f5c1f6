package dev.reckon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of Reckon as ArchUnit rules, built per package so a test can aim them at
 * fixtures.
 */
final class ReckonRules {

  static final String OPENING_PACKAGE = "dev.reckon.adapter.kms.opening..";

  private ReckonRules() {}

  static ArchRule coreDependsOnlyOnJdk(String corePackage, String... allowedPackages) {
    String[] allowed = new String[allowedPackages.length + 2];
    allowed[0] = "java..";
    allowed[1] = corePackage;
    System.arraycopy(allowedPackages, 0, allowed, 2, allowedPackages.length);
    return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .resideInAPackage(corePackage)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed)
        .because("the domain and ports are what an internal tool embeds, so they carry no library");
  }

  static ArchRule cannotReachKeyOpening(String tierPackage) {
    return noClasses()
        .that()
        .resideInAPackage(tierPackage)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(OPENING_PACKAGE)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.reckon.ports.out.KeyOpener")
        .because("the web tier may seal provider keys but must hold no code that opens one");
  }

  static ArchRule adapterStaysAlone(String adapterPackage, String... forbidden) {
    return noClasses()
        .that()
        .resideInAPackage(adapterPackage)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because("adapters depend on the ports only, never on each other or on an app");
  }

  static ArchRule coreTakesTimeAndRandomnessFromPorts(String corePackage) {
    return noClasses()
        .that()
        .resideInAPackage(corePackage)
        .should()
        .callMethodWhere(
            JavaCall.Predicates.target(HasName.Predicates.name("now"))
                .and(
                    JavaCall.Predicates.target(
                        With.owner(JavaClass.Predicates.resideInAPackage("java.time")))))
        .orShould()
        .callMethod(java.lang.System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.util.UUID.class, "randomUUID")
        .orShould()
        .callConstructor(java.security.SecureRandom.class)
        .because("time and randomness come through ports so that tests are deterministic");
  }
}
