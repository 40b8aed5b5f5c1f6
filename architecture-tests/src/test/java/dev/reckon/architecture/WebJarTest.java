package dev.reckon.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebJarTest {

  private static final Path WEB_TARGET = Path.of("..", "reckon-app-web", "target");

  @Test
  void webClasspathHasNoOpeningCode() throws IOException {
    Path webJar = webJar();
    List<Path> dependencies = new ArrayList<>(webRuntimeClasspath());
    dependencies.add(shadedWebJar());

    List<String> findings = OpeningCodeScanner.scan(webJar, dependencies);

    assertThat(dependencies)
        .anySatisfy(
            jar -> assertThat(jar.getFileName().toString()).startsWith("reckon-adapters-kms"));
    assertThat(findings).isEmpty();
  }

  @Test
  void plantedOpeningCodeIsFound(@TempDir Path folder) throws IOException {
    Path planted = folder.resolve("planted.jar");
    byte[] violatingClass =
        Files.readAllBytes(
            Path.of(
                "target",
                "test-classes",
                "dev",
                "reckon",
                "archfixture",
                "web",
                "PlantedKeyOpenerUse.class"));
    byte[] kmsDecryptClass = fixtureClass("PlantedKmsDecryptUse.class");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(planted))) {
      add(
          jar,
          "dev/reckon/adapter/kms/opening/Smuggled.class",
          new byte[] {(byte) 0xCA, (byte) 0xFE});
      add(jar, "dev/reckon/web/Innocent.class", violatingClass);
      add(jar, "dev/reckon/web/Sneaky.class", kmsDecryptClass);
    }

    List<String> asTier = OpeningCodeScanner.scan(planted, List.of());
    List<String> asDependency = OpeningCodeScanner.scan(webJar(), List.of(planted));

    assertThat(asTier)
        .containsExactlyInAnyOrder(
            "planted.jar!/dev/reckon/adapter/kms/opening/Smuggled.class is opening code",
            "planted.jar!/dev/reckon/web/Innocent.class references dev/reckon/ports/out/KeyOpener",
            "planted.jar!/dev/reckon/web/Sneaky.class references"
                + " software/amazon/awssdk/services/kms/model/DecryptRequest");
    assertThat(asDependency)
        .containsExactlyInAnyOrder(
            "planted.jar!/dev/reckon/adapter/kms/opening/Smuggled.class is opening code",
            "planted.jar!/dev/reckon/web/Sneaky.class references"
                + " software/amazon/awssdk/services/kms/model/DecryptRequest");
  }

  private static byte[] fixtureClass(String name) throws IOException {
    return Files.readAllBytes(
        Path.of("target", "test-classes", "dev", "reckon", "archfixture", "web", name));
  }

  private static Path webJar() throws IOException {
    List<Path> jars = new ArrayList<>();
    try (var built = Files.list(WEB_TARGET)) {
      built
          .filter(
              path ->
                  path.getFileName().toString().matches("reckon-app-web-[0-9.]+(-SNAPSHOT)?\\.jar"))
          .forEach(jars::add);
    }
    assertThat(jars)
        .as("the built web jar (mvn verify from the project root builds it)")
        .hasSize(1);
    return jars.get(0);
  }

  /** Returns the runnable web jar, which bundles every dependency the web tier ships with. */
  private static Path shadedWebJar() throws IOException {
    try (var built = Files.list(WEB_TARGET)) {
      return built
          .filter(path -> path.getFileName().toString().endsWith("-all.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("the runnable web jar (*-all.jar) was not built"));
    }
  }

  private static List<Path> webRuntimeClasspath() throws IOException {
    Path classpathFile = WEB_TARGET.resolve("runtime-classpath.txt");
    assertThat(classpathFile)
        .as("the web module must be packaged first (mvn verify from the project root)")
        .exists();
    List<Path> jars = new ArrayList<>();
    Arrays.stream(Files.readString(classpathFile).strip().split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .forEach(jars::add);
    return jars;
  }

  private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    OutputStream out = jar;
    out.write(content);
    jar.closeEntry();
  }
}
