package cn.medicare.campaign.kit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

class ProblemResponsesIntegrationTests extends KitIntegrationTestBase {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void invalidInputNamesTheField() throws Exception {
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_JSON).content("{\"amount\": \"-1.00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be negative"));
    }

    @Test
    void unreadableJsonIsABadRequestNotAServerError() throws Exception {
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_JSON).content("{\"amount\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_JSON).content("{\"amount\": [1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    @Test
    void conflictsAndRuleViolationsHaveTheirOwnStatus() throws Exception {
        mvc.perform(get("/kit-test/refusals/conflict"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("already enrolled for 2018"));
        mvc.perform(get("/kit-test/refusals/rule"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Rule violated"));
    }
}
