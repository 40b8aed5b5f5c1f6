package dev.reckon.ports.in;

import java.util.List;

/** Re-wraps the data key of every stored provider key under the current master key. */
public interface RewrapKeysUseCase {

  /**
   * Visits every provider key of every organization and re-wraps those whose data key another
   * master key wrapped. Each key is written in its own transaction, so an interrupted run keeps
   * what it finished and a second run skips it. When every key ends up under the current master
   * key, master key versions that nothing uses any more are retired.
   */
  Summary rewrapAll(Progress progress);

  /** Receives one event per key visited. */
  @FunctionalInterface
  interface Progress {

    Progress NONE = (done, total) -> {};

    void keyDone(int done, int total);
  }

  /**
   * The counts of one run.
   *
   * @param total keys visited
   * @param rewrapped keys moved to the current master key
   * @param alreadyCurrent keys that needed nothing
   * @param failed keys that could not be re-wrapped (their ids are in {@code failedKeys})
   * @param changedMeanwhile keys replaced or deleted while the run was working on them
   * @param currentMasterKeyId the master key every re-wrapped key now uses
   * @param retiredMasterKeyIds master key versions retired at the end of the run
   */
  record Summary(
      int total,
      int rewrapped,
      int alreadyCurrent,
      int failed,
      int changedMeanwhile,
      List<String> failedKeys,
      String currentMasterKeyId,
      List<String> retiredMasterKeyIds) {

    public Summary {
      failedKeys = List.copyOf(failedKeys);
      retiredMasterKeyIds = List.copyOf(retiredMasterKeyIds);
    }
  }
}
