package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantIsolationIT {

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void concurrentRequestsSeeOnlyOwnKeys() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    List<String> tokens = new ArrayList<>();

    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int i = 0; i < 100; i++) {
        String caller = i % 2 == 1 ? FakeSessions.ADMIN_B : memberOrAdminOfA(i);
        tokens.add(caller);
        responses.add(
            CompletableFuture.supplyAsync(() -> app.get("/api/v1/provider-keys", caller), pool));
      }
      CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdown();
    }

    for (int i = 0; i < responses.size(); i++) {
      HttpResponse<String> response = responses.get(i).get();
      String body = response.body();
      assertThat(response.statusCode()).isEqualTo(200);
      if (tokens.get(i).equals(FakeSessions.ADMIN_B)) {
        assertThat(body).contains(FakeProviderKeys.KEY_B.toString());
        assertThat(body).doesNotContain(FakeProviderKeys.KEY_A.toString());
      } else {
        assertThat(body).contains(FakeProviderKeys.KEY_A.toString());
        assertThat(body).doesNotContain(FakeProviderKeys.KEY_B.toString());
      }
    }
  }

  private static String memberOrAdminOfA(int i) {
    return i % 4 == 0 ? FakeSessions.ADMIN_A : FakeSessions.MEMBER_A;
  }
}
