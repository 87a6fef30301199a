package cn.medicare.campaign.kit.web;

import cn.medicare.campaign.contracts.AsyncApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/asyncapi}: the events this service publishes and consumes as an AsyncAPI 3.0
 * document, beside its OpenAPI at {@code /v3/api-docs} and, like it, open to anyone.
 */
@RestController
public class AsyncApiController {

    private final ObjectNode document;

    public AsyncApiController(@Value("${spring.application.name}") String service) {
        this.document = AsyncApi.document(service);
    }

    @GetMapping(value = "/v3/asyncapi", produces = "application/json")
    public ObjectNode asyncApi() {
        return document;
    }
}
