package dev.reckon.adapter.kms.bench;

import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.local.LocalMasterKeyFile;
import dev.reckon.adapter.kms.opening.EnvelopeKeyOpener;
import dev.reckon.adapter.kms.opening.LocalMasterKeyUnwrapper;
import dev.reckon.adapter.kms.sealing.EnvelopeKeySealer;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.KeyBinding;
import dev.reckon.ports.out.SealedKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of sealing and opening one provider key with the local master key, next to one
 * bare JCE AES-256-GCM encryption and decryption of the same payload.
 *
 * <p>Every operation works on a fake 164-byte admin key and the associated data of one row. Sealing
 * generates a data key, wraps it under the master key and encrypts the payload, as {@link
 * EnvelopeKeySealer} does. Opening decodes the record, unwraps the data key and decrypts, as {@link
 * EnvelopeKeyOpener} does. The bare cases build a new {@link Cipher} for each call, as the envelope
 * code does. The bare encryption also takes a new random IV, which any correct use of GCM needs.
 *
 * <p>{@link EnvelopeBenchmarkMain} runs these and prints the summary.
 */
@State(Scope.Benchmark)
public class EnvelopeBenchmark {

  /** The length of the fake admin key. */
  static final int PAYLOAD_BYTES = 164;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int TAG_BITS = 128;
  private static final int IV_BYTES = 12;

  private Path directory;
  private LocalMasterKeyFile keyFile;
  private EnvelopeKeySealer sealer;
  private EnvelopeKeyOpener opener;
  private KeyBinding binding;
  private SecretBytes payload;
  private SealedKey sealed;

  private SecureRandom random;
  private byte[] bareKey;
  private byte[] associatedData;
  private byte[] bareIv;
  private byte[] bareCiphertext;

  /** Creates a master key file in a new temporary directory and seals one record to open. */
  @Setup(Level.Trial)
  public void createKeys() throws IOException, GeneralSecurityException {
    directory = Files.createTempDirectory("reckon-envelope-bench-");
    keyFile = LocalMasterKeyFile.openOrCreate(directory.resolve("master-key"), false);
    sealer = new EnvelopeKeySealer(keyFile);
    opener = new EnvelopeKeyOpener(new LocalMasterKeyUnwrapper(keyFile));
    binding =
        new KeyBinding(
            OrgId.parse("0f8fad5b-d9cb-469f-a165-708677289501"),
            ProviderKeyId.parse("6a1b2c3d-4e5f-4a6b-9c7d-000000000001"),
            Provider.OPENAI);
    payload = SecretBytes.copyOf(fakeAdminKey());
    sealed = sealer.seal(payload, binding);

    random = new SecureRandom();
    bareKey = new byte[32];
    random.nextBytes(bareKey);
    associatedData = EncryptionContext.forBinding(binding).associatedData();
    bareIv = new byte[IV_BYTES];
    random.nextBytes(bareIv);
    bareCiphertext =
        newCipher(Cipher.ENCRYPT_MODE, bareIv).doFinal(payload.unsafeRevealBytesWithoutCopy());
  }

  /** Zeroes the keys in memory and deletes the temporary master key file. */
  @TearDown(Level.Trial)
  public void deleteKeys() throws IOException {
    payload.close();
    keyFile.close();
    Arrays.fill(bareKey, (byte) 0);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }

  @Benchmark
  public SealedKey seal() {
    return sealer.seal(payload, binding);
  }

  @Benchmark
  public void open(Blackhole blackhole) {
    try (SecretBytes providerKey = opener.open(sealed, binding)) {
      blackhole.consume(providerKey.unsafeRevealBytesWithoutCopy()[0]);
    }
  }

  @Benchmark
  public byte[] bareEncrypt() throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    return newCipher(Cipher.ENCRYPT_MODE, iv).doFinal(payload.unsafeRevealBytesWithoutCopy());
  }

  @Benchmark
  public byte[] bareDecrypt() throws GeneralSecurityException {
    return newCipher(Cipher.DECRYPT_MODE, bareIv).doFinal(bareCiphertext);
  }

  private Cipher newCipher(int mode, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, new SecretKeySpec(bareKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(associatedData);
    return cipher;
  }

  /** Returns an obviously fake admin key of {@link #PAYLOAD_BYTES} ASCII bytes. */
  static byte[] fakeAdminKey() {
    String key = "sk-admin-FAKE-benchmark-" + "0123456789abcdef".repeat(10);
    return Arrays.copyOf(key.getBytes(StandardCharsets.US_ASCII), PAYLOAD_BYTES);
  }
}
