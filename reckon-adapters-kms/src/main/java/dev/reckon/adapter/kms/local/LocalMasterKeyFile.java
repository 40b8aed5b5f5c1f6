package dev.reckon.adapter.kms.local;

import dev.reckon.adapter.kms.AesGcm;
import dev.reckon.adapter.kms.DataKeyGenerator;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development master key: a file of versioned 256-bit AES keys, named {@code local:v1}, {@code
 * local:v2} and so on. The highest version wraps new data keys, and older versions stay to unwrap
 * what they wrapped.
 *
 * <p>A wrapped data key is the 12-byte IV followed by the AES-256-GCM encryption of the data key
 * and its tag, with the {@link EncryptionContext#associatedData()} as associated data, the way a
 * KMS binds its encryption context. Unwrapping is in {@code
 * dev.reckon.adapter.kms.opening.LocalMasterKeyUnwrapper}.
 *
 * <p>NOTE: a process that can read this file can unwrap every data key. So with a local master key,
 * the missing opening code in the web tier is a structural barrier only. A cryptographic barrier
 * needs a KMS whose web role may generate data keys but not decrypt them.
 */
public final class LocalMasterKeyFile implements DataKeyGenerator, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalMasterKeyFile.class);

  static final String PRODUCTION_REFUSED =
      "the local master key file is for development only and is rejected in production"
          + " (RECKON_ENV=production). Configure a KMS master key instead.";
  private static final int MAX_VERSION = 999_999_999;

  private final Path path;
  private final SecureRandom random;
  private final NavigableMap<Integer, byte[]> versions;
  private boolean closed;

  private LocalMasterKeyFile(
      Path path, NavigableMap<Integer, byte[]> versions, SecureRandom random) {
    this.path = path;
    this.versions = versions;
    this.random = random;
  }

  /**
   * Loads the master key file at {@code path}, first creating it with mode 0600 and one new key
   * version when it does not exist.
   *
   * @throws IllegalStateException in production mode, where a local master key is rejected
   * @throws UnableToLoadMasterKeyException when the file cannot be created or read, is accessible
   *     by group or others, or is invalid. The message names the file.
   */
  public static LocalMasterKeyFile openOrCreate(Path path, boolean productionMode) {
    return openOrCreate(path, productionMode, new SecureRandom());
  }

  static LocalMasterKeyFile openOrCreate(Path path, boolean productionMode, SecureRandom random) {
    Objects.requireNonNull(path, "path");
    if (productionMode) {
      throw new IllegalStateException(PRODUCTION_REFUSED);
    }
    Path file = path.toAbsolutePath();
    if (!Files.exists(file)) {
      createWithFirstVersion(file, random);
    }
    NavigableMap<Integer, byte[]> versions = MasterKeyFileIo.read(file);
    LOG.info(
        "loaded local master key file {} current_key_id={}",
        file,
        MasterKeyFileFormat.keyId(versions.lastKey()));
    return new LocalMasterKeyFile(file, versions, random);
  }

  /** Returns the id of the version that wraps new data keys. */
  public synchronized String currentKeyId() {
    requireOpen();
    return MasterKeyFileFormat.keyId(versions.lastKey());
  }

  /**
   * Adds a new key version, writes the file with it atomically and makes it current. Returns its
   * key id.
   *
   * <p>NOTE: other processes that already loaded the file do not see the new version until they
   * restart, and two processes adding a version at the same moment can lose one of the two.
   */
  public synchronized String addVersion() {
    requireOpen();
    int version = versions.lastKey() + 1;
    if (version > MAX_VERSION) {
      throw new UnableToLoadMasterKeyException(
          "master key file " + path + " has reached the maximum version " + MAX_VERSION);
    }
    byte[] key = randomKey();
    NavigableMap<Integer, byte[]> updated = new TreeMap<>(versions);
    updated.put(version, key);
    try {
      MasterKeyFileIo.replace(path, updated);
    } catch (RuntimeException e) {
      Arrays.fill(key, (byte) 0);
      throw e;
    }
    versions.put(version, key);
    String keyId = MasterKeyFileFormat.keyId(version);
    LOG.info("added a version to local master key file {} key_id={}", path, keyId);
    return keyId;
  }

  @Override
  public synchronized GeneratedDataKey generateDataKey(EncryptionContext context) {
    Objects.requireNonNull(context, "context");
    if (closed) {
      throw new UnableToSealKeyException("local master key file is closed", null);
    }
    int version = versions.lastKey();

    byte[] dataKey = new byte[AesGcm.KEY_BYTES];
    boolean handedOver = false;
    try {
      random.nextBytes(dataKey);
      byte[] wrapped = wrap(versions.get(version), dataKey, context);
      GeneratedDataKey result =
          new GeneratedDataKey(
              SecretBytes.takeOwnership(dataKey), wrapped, MasterKeyFileFormat.keyId(version));
      handedOver = true;
      return result;
    } catch (GeneralSecurityException e) {
      throw new UnableToSealKeyException("data key could not be wrapped by the master key", e);
    } finally {
      if (!handedOver) {
        Arrays.fill(dataKey, (byte) 0);
      }
    }
  }

  /**
   * Wraps an existing data key with the current version, keeping the IV and ciphertext of {@code
   * envelope}: the sealing half of re-wrapping. The caller keeps ownership of {@code dataKey}.
   */
  public synchronized Envelope rewrapWithCurrentVersion(
      Envelope envelope, byte[] dataKey, EncryptionContext context) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(dataKey, "dataKey");
    Objects.requireNonNull(context, "context");
    if (closed) {
      throw new UnableToSealKeyException("local master key file is closed", null);
    }
    if (dataKey.length != AesGcm.KEY_BYTES) {
      throw new IllegalArgumentException(
          "'dataKey' must be a 256-bit key (was " + dataKey.length + " bytes)");
    }
    int version = versions.lastKey();
    try {
      return new Envelope(
          MasterKeyFileFormat.keyId(version),
          wrap(versions.get(version), dataKey, context),
          envelope.iv(),
          envelope.ciphertextAndTag());
    } catch (GeneralSecurityException e) {
      throw new UnableToSealKeyException("data key could not be wrapped by the master key", e);
    }
  }

  /**
   * Removes the versions that are neither current nor named in {@code inUse}, writes the file
   * atomically and zeroes the removed keys. Returns the ids removed, oldest first.
   *
   * <p>NOTE: a data key wrapped by a removed version can never be unwrapped again. Call this only
   * after checking that no stored key uses it; other processes that loaded the file keep the old
   * versions until they restart.
   */
  public synchronized List<String> retireVersionsExcept(Set<String> inUse) {
    Objects.requireNonNull(inUse, "inUse");
    requireOpen();
    NavigableMap<Integer, byte[]> remaining = new TreeMap<>();
    List<Integer> retired = new ArrayList<>();
    for (Map.Entry<Integer, byte[]> entry : versions.entrySet()) {
      int version = entry.getKey();
      if (version == versions.lastKey() || inUse.contains(MasterKeyFileFormat.keyId(version))) {
        remaining.put(version, entry.getValue());
      } else {
        retired.add(version);
      }
    }
    if (retired.isEmpty()) {
      return List.of();
    }
    MasterKeyFileIo.replace(path, remaining);
    List<String> ids = new ArrayList<>();
    for (int version : retired) {
      Arrays.fill(versions.remove(version), (byte) 0);
      ids.add(MasterKeyFileFormat.keyId(version));
    }
    LOG.info("retired versions of local master key file {} key_ids={}", path, ids);
    return ids;
  }

  /**
   * Returns the key of the version that {@code masterKeyId} names, or empty when the id is not
   * {@code local:v<N>} for a version in this file. The array is this object's own, not a copy: the
   * caller must not keep, log or modify it, and must not use it after {@link #close()}.
   */
  public synchronized Optional<byte[]> unsafeRevealMasterKeyWithoutCopy(String masterKeyId) {
    OptionalInt version = MasterKeyFileFormat.versionOf(masterKeyId);
    if (closed || version.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(versions.get(version.getAsInt()));
  }

  /** Zeroes every key version held in memory. The file itself is kept. */
  @Override
  public synchronized void close() {
    versions.values().forEach(key -> Arrays.fill(key, (byte) 0));
    closed = true;
  }

  @Override
  public synchronized String toString() {
    return "LocalMasterKeyFile[path=" + path + ", versions=" + versions.size() + ", keys=redacted]";
  }

  private byte[] wrap(byte[] masterKey, byte[] dataKey, EncryptionContext context)
      throws GeneralSecurityException {
    byte[] iv = new byte[AesGcm.IV_BYTES];
    random.nextBytes(iv);
    byte[] ciphertextAndTag = AesGcm.encrypt(masterKey, iv, dataKey, context.associatedData());

    byte[] wrapped = Arrays.copyOf(iv, iv.length + ciphertextAndTag.length);
    System.arraycopy(ciphertextAndTag, 0, wrapped, iv.length, ciphertextAndTag.length);
    return wrapped;
  }

  private byte[] randomKey() {
    byte[] key = new byte[MasterKeyFileFormat.KEY_BYTES];
    random.nextBytes(key);
    return key;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("local master key file " + path + " is closed");
    }
  }

  private static void createWithFirstVersion(Path file, SecureRandom random) {
    byte[] key = new byte[MasterKeyFileFormat.KEY_BYTES];
    random.nextBytes(key);
    NavigableMap<Integer, byte[]> versions = new TreeMap<>();
    versions.put(1, key);
    try {
      if (MasterKeyFileIo.createNew(file, versions)) {
        LOG.info("created local master key file {} key_id={}", file, MasterKeyFileFormat.keyId(1));
      }
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
