package dev.reckon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.Serializable;
import java.util.List;

/**
 * The module rules of Reckon as ArchUnit rules, built per package so a test can aim them at
 * fixtures.
 */
final class ReckonRules {

  static final String OPENING_PACKAGE = "dev.reckon.adapter.kms.opening..";

  /** The types that hold plaintext key material. */
  static final List<String> SECRET_TYPES =
      List.of(
          "dev.reckon.domain.secret.SecretBytes",
          "dev.reckon.adapter.kms.GeneratedDataKey",
          "dev.reckon.adapter.kms.local.LocalMasterKeyFile");

  private ReckonRules() {}

  static ArchRule recordsHoldNoSecrets(String packageName, List<String> secretTypes) {
    return noFields()
        .that()
        .areDeclaredInClassesThat(RECORDS)
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage(packageName)
        .should()
        .haveRawType(oneOf(secretTypes))
        .because(
            "a record's generated toString, equals and accessors would expose a secret component");
  }

  static ArchRule secretTypesHideTheirContent(List<String> secretTypes) {
    return classes()
        .that(oneOf(secretTypes))
        .should()
        .notBeAssignableTo(Serializable.class)
        .andShould(declareMethod("toString"))
        .andShould(notDeclareMethod("equals", Object.class))
        .because(
            "a secret prints redacted, compares by identity and never leaves the process through"
                + " Java serialization");
  }

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

  private static final DescribedPredicate<JavaClass> RECORDS =
      DescribedPredicate.describe("records", JavaClass::isRecord);

  private static DescribedPredicate<JavaClass> oneOf(List<String> typeNames) {
    return DescribedPredicate.describe(
        "one of " + typeNames, type -> typeNames.contains(type.getFullName()));
  }

  private static ArchCondition<JavaClass> declareMethod(String name, Class<?>... parameters) {
    return new ArchCondition<>("declare " + name) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean declared = type.tryGetMethod(name, parameters).isPresent();
        events.add(
            new SimpleConditionEvent(
                type, declared, type.getFullName() + " does not declare " + name));
      }
    };
  }

  private static ArchCondition<JavaClass> notDeclareMethod(String name, Class<?>... parameters) {
    return new ArchCondition<>("not declare " + name) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean declared = type.tryGetMethod(name, parameters).isPresent();
        events.add(
            new SimpleConditionEvent(type, !declared, type.getFullName() + " declares " + name));
      }
    };
  }
}
