package dev.reckon.sandbox;

import java.util.Map;

/** A response ready to send: status, extra headers and a JSON body. */
record ApiResponse(int status, Map<String, String> headers, byte[] body) {

  static ApiResponse ok(byte[] body) {
    return new ApiResponse(200, Map.of(), body);
  }
}
