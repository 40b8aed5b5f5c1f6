package dev.reckon.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Looks inside built jars for code that could open a sealed key: classes of the opening package,
 * and classes whose constant pool names the opening package, the {@code KeyOpener} port or the AWS
 * KMS decrypt request. Working on bytes catches what a source-level rule cannot, such as a
 * dependency that drags the opening jar in.
 */
final class OpeningCodeScanner {

  private static final String OPENING_PACKAGE = "dev/reckon/adapter/kms/opening/";

  /** References no jar of the tier may contain: opening code and the KMS decrypt calls. */
  private static final List<String> OPENING_REFERENCES =
      List.of(
          OPENING_PACKAGE,
          "software/amazon/awssdk/services/kms/model/DecryptRequest",
          "software/amazon/awssdk/services/kms/model/ReEncryptRequest");

  /**
   * The AWS SDK's one KMS client contains every KMS operation, Decrypt included, and the sealing
   * side needs that client for GenerateDataKey. So the SDK's own classes may name the decrypt
   * requests. The web tier's IAM policy, tested on its own, then denies the call itself.
   */
  private static final String AWS_SDK_KMS_PACKAGE = "software/amazon/awssdk/services/kms/";

  /**
   * References the tier's own jar may not contain either. The ports jar declares the {@code
   * KeyOpener} interface, which opens nothing by itself, so only the tier's code is held to this.
   */
  private static final List<String> TIER_REFERENCES =
      List.of(
          OPENING_PACKAGE,
          "software/amazon/awssdk/services/kms/model/DecryptRequest",
          "software/amazon/awssdk/services/kms/model/ReEncryptRequest",
          "dev/reckon/ports/out/KeyOpener");

  private OpeningCodeScanner() {}

  /**
   * Returns one line per finding, such as {@code web.jar!/a/B.class references ...}, for the tier's
   * own jar and the jars on its runtime class path.
   */
  static List<String> scan(Path tierJar, List<Path> dependencyJars) throws IOException {
    List<String> findings = new ArrayList<>(scanJar(tierJar, TIER_REFERENCES));
    for (Path jar : dependencyJars) {
      findings.addAll(scanJar(jar, OPENING_REFERENCES));
    }
    return findings;
  }

  private static List<String> scanJar(Path jar, List<String> forbidden) throws IOException {
    List<String> findings = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(OPENING_PACKAGE)) {
          findings.add(jar.getFileName() + "!/" + entry.getName() + " is opening code");
        } else if (entry.getName().endsWith(".class")
            && !entry.getName().startsWith(AWS_SDK_KMS_PACKAGE)) {
          findings.addAll(referencesIn(jar, file, entry, forbidden));
        }
      }
    }
    return findings;
  }

  private static List<String> referencesIn(
      Path jar, JarFile file, JarEntry entry, List<String> forbidden) throws IOException {
    String text;
    try (InputStream in = file.getInputStream(entry)) {
      // ISO-8859-1 maps every byte to one char, so class-name strings in the constant pool survive.
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    List<String> findings = new ArrayList<>();
    for (String reference : forbidden) {
      if (text.contains(reference)) {
        findings.add(jar.getFileName() + "!/" + entry.getName() + " references " + reference);
      }
    }
    return findings;
  }
}
