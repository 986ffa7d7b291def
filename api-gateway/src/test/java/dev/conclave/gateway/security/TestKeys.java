package dev.conclave.gateway.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Keys made for a test through the keys API, with the bootstrap admin key. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A new key's text: {@code role} in {@code tenant}. */
    public static String create(String name, String role, String tenant) {
        return given().contentType("application/json")
                .body("{\"name\": \"" + name + "\", \"role\": \"" + role + "\", \"tenant\": \"" + tenant + "\"}")
                .when().post("/api/v1/keys")
                .then().statusCode(201).extract().path("key");
    }

    /** A request sent with {@code key} instead of the bootstrap key. */
    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }
}
