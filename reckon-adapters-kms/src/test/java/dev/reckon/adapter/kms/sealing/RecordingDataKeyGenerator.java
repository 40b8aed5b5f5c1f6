package dev.reckon.adapter.kms.sealing;

import dev.reckon.adapter.kms.DataKeyGenerator;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.GeneratedDataKey;
import java.util.ArrayList;
import java.util.List;

/** Delegates to a real generator and keeps each plaintext data key array and context it saw. */
final class RecordingDataKeyGenerator implements DataKeyGenerator {

  private final DataKeyGenerator delegate;
  private final List<byte[]> plaintextDataKeys = new ArrayList<>();
  private final List<byte[]> wrappedDataKeys = new ArrayList<>();
  private final List<EncryptionContext> contexts = new ArrayList<>();

  RecordingDataKeyGenerator(DataKeyGenerator delegate) {
    this.delegate = delegate;
  }

  @Override
  public GeneratedDataKey generateDataKey(EncryptionContext context) {
    GeneratedDataKey dataKey = delegate.generateDataKey(context);
    plaintextDataKeys.add(dataKey.unsafeRevealPlaintextWithoutCopy());
    wrappedDataKeys.add(dataKey.wrappedDataKey());
    contexts.add(context);
    return dataKey;
  }

  /** Returns the arrays the sealer received, not copies, to check that it zeroed them. */
  List<byte[]> plaintextDataKeys() {
    return plaintextDataKeys;
  }

  List<byte[]> wrappedDataKeys() {
    return wrappedDataKeys;
  }

  List<EncryptionContext> contexts() {
    return contexts;
  }

  @Override
  public String toString() {
    return "RecordingDataKeyGenerator";
  }
}
