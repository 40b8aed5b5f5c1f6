package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageCursorTest {

  @Test
  void cursorRoundTripsItsPosition() {
    String cursor = PageCursor.encode(1_794_268_800L, "0123456789abcdef");

    long position = PageCursor.decode(cursor, "0123456789abcdef");

    assertThat(cursor).startsWith("page_").doesNotContain("=");
    assertThat(position).isEqualTo(1_794_268_800L);
  }

  @Test
  void cursorOfAnotherQueryIsRejected() {
    String cursor = PageCursor.encode(86_400, "0123456789abcdef");

    assertThatThrownBy(() -> PageCursor.decode(cursor, "fedcba9876543210"))
        .isInstanceOf(ApiError.class)
        .hasMessage(
            "Invalid value for 'page': the cursor belongs to a query with other parameters;"
                + " repeat the same parameters when following next_page");
  }

  @Test
  void malformedCursorsAreRejected() {
    String expected =
        "Invalid value for 'page': not a cursor returned as next_page by this endpoint";

    assertThatThrownBy(() -> PageCursor.decode("abc", "x")).hasMessage(expected);
    assertThatThrownBy(() -> PageCursor.decode("page_%%%", "x")).hasMessage(expected);
    assertThatThrownBy(() -> PageCursor.decode("page_djI6MTI6eA", "x")).hasMessage(expected);
  }

  @Test
  void fingerprintIgnoresPageAndParameterOrder() {
    QueryParams first =
        QueryParams.parse("start_time=1&group_by=model&group_by=project_id&page=p1");
    QueryParams second = QueryParams.parse("group_by=project_id&start_time=1&group_by=model");
    QueryParams other = QueryParams.parse("start_time=2&group_by=model&group_by=project_id");

    assertThat(first.fingerprint("/a")).isEqualTo(second.fingerprint("/a"));
    assertThat(first.fingerprint("/a")).isNotEqualTo(other.fingerprint("/a"));
    assertThat(first.fingerprint("/a")).isNotEqualTo(first.fingerprint("/b"));
  }
}
