package dev.reckon.adapter.kms.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the committed seed inputs of a fuzz test from the directory Jazzer runs them from: {@code
 * <package>/<TestClass>Inputs/<testMethod>/} on the test class path.
 */
final class SeedInputs {

  private SeedInputs() {}

  /** Returns every seed file of {@code testMethod}, by file name. */
  static Map<String, byte[]> read(Class<?> testClass, String testMethod) {
    String directory = testClass.getSimpleName() + "Inputs/" + testMethod;
    URL url = testClass.getResource(directory);
    if (url == null) {
      throw new IllegalStateException(
          "seed directory "
              + directory
              + " is missing next to "
              + testClass.getName()
              + "; it belongs under src/test/resources");
    }
    Map<String, byte[]> seeds = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        seeds.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("seed directory URL " + url + " is invalid", e);
    }
    return seeds;
  }
}
