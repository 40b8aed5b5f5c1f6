package dev.reckon.adapter.kms.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives JMH's forked JVMs the class path the benchmark was loaded from.
 *
 * <p>JMH starts each fork with the {@code java.class.path} of the running JVM. Under {@code mvn
 * exec:java} that is Maven's own launcher, while the benchmark classes come from the plugin's class
 * loader, so the forks would not find them.
 */
final class ForkClassPath {

  private ForkClassPath() {}

  /** Sets {@code java.class.path} to the context class loader's URLs when it has any. */
  static void useContextClassPath() {
    if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (URL url : loader.getURLs()) {
      try {
        entries.add(Path.of(url.toURI()).toString());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IllegalStateException("class path entry " + url + " is not a local file", e);
      }
    }
    if (!entries.isEmpty()) {
      System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
  }
}
