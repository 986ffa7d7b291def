package dev.conclave.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error body: what was wrong and what to do, and the request field at fault if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, String field) {
}
