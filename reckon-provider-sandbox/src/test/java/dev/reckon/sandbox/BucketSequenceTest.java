package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BucketSequenceTest {

  private static final long DAY = 86_400;

  @Test
  void exactWindowKeepsUnalignedEdges() {
    BucketSequence sequence = BucketSequence.exactWindow(DAY + 3_600, 3 * DAY + 60, DAY);

    BucketSequence.Page page = sequence.page(sequence.first(), 10);

    assertThat(page.buckets())
        .containsExactly(
            new Bucket(DAY + 3_600, 2 * DAY),
            new Bucket(2 * DAY, 3 * DAY),
            new Bucket(3 * DAY, 3 * DAY + 60));
    assertThat(page.next()).isNull();
  }

  @Test
  void wholeBucketsSnapStartAndDropPartialEnd() {
    BucketSequence sequence = BucketSequence.wholeBuckets(DAY + 3_600, 3 * DAY + 60, DAY);

    BucketSequence.Page page = sequence.page(sequence.first(), 10);

    assertThat(page.buckets())
        .containsExactly(new Bucket(DAY, 2 * DAY), new Bucket(2 * DAY, 3 * DAY));
  }

  @Test
  void wholeBucketsCanBeEmpty() {
    BucketSequence sequence = BucketSequence.wholeBuckets(DAY + 3_600, DAY + 7_200, DAY);

    assertThat(sequence.isEmpty()).isTrue();
    assertThat(sequence.page(sequence.first(), 5).buckets()).isEmpty();
  }

  @Test
  void pageStopsAtLimit() {
    BucketSequence sequence = BucketSequence.exactWindow(0, 10 * DAY, DAY);

    BucketSequence.Page first = sequence.page(0, 4);
    BucketSequence.Page last = sequence.page(first.next(), 10);

    assertThat(first.buckets()).hasSize(4);
    assertThat(first.next()).isEqualTo(4 * DAY);
    assertThat(last.buckets()).hasSize(6);
    assertThat(last.next()).isNull();
  }

  @Test
  void onlyBucketStartsAreValidPositions() {
    BucketSequence sequence = BucketSequence.exactWindow(DAY + 5, 5 * DAY, DAY);

    List<Long> valid = List.of(DAY + 5, 2 * DAY, 4 * DAY);
    List<Long> invalid = List.of(DAY, 2 * DAY + 1, 5 * DAY, 9 * DAY);

    assertThat(valid).allMatch(sequence::startsBucketAt);
    assertThat(invalid).noneMatch(sequence::startsBucketAt);
  }
}
