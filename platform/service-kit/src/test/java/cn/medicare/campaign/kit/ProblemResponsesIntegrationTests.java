package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
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
    void textWithANulOrAnotherControlCharacterIsRefusedNamingTheFieldWithoutQuotingIt() throws Exception {
        for (String text : new String[] {"a\\u0000b", "\\u001b[31m", "\\u007f"}) {
            String body = mvc.perform(post("/kit-test/notes").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\":\"" + text + "\",\"tags\":[\"ok\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("text"))
                    .andExpect(jsonPath("$.errors[0].message").value("不能含有控制字符 / must not contain control characters"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("\u0000", "\\u0000", "\u001b", "\\u001b");
        }
        mvc.perform(post("/kit-test/notes").contentType(MediaType.APPLICATION_JSON).content("{\"tags\":[\"ok\",\"\\u0000\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tags[1]"));
        mvc.perform(post("/kit-test/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"第一行\\n\\t第二行\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void datesAndInstantsBeyondTheYears1To9999AreRefusedNamingTheField() throws Exception {
        for (String date : new String[] {"0000-01-01", "-0001-12-31", "+294277-01-01", "+9999999-12-31"}) {
            mvc.perform(post("/kit-test/notes").contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + date + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("on"));
        }
        for (String instant : new String[] {"-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "+294277-01-01T00:00:00Z"}) {
            mvc.perform(post("/kit-test/notes").contentType(MediaType.APPLICATION_JSON).content("{\"at\":\"" + instant + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("at"));
        }
        mvc.perform(post("/kit-test/notes").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"on\":\"0001-01-01\",\"at\":\"1970-01-01T00:00:00Z\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/kit-test/notes").contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"9999-12-31\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aQueryParameterWithAControlCharacterOrOfTheWrongTypeIsNamedNotQuoted() throws Exception {
        mvc.perform(get("/kit-test/years").param("year", "2018").param("township", "350825\u0000100"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("township"));
        String body = mvc.perform(get("/kit-test/years").param("year", "350825198506124011"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("350825198506124011");
        mvc.perform(get("/kit-test/years"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void answersAreProblemJsonWhateverTheClientAcceptsAndNameTheRouteNotThePathSent() throws Exception {
        mvc.perform(get("/kit-test/years").param("year", "x").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value("/kit-test/years"));
        mvc.perform(get("/kit-test/no-such-thing/350825198506124011"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value("/kit-test/no-such-thing/*"));
    }

    @Test
    void aContentTypeThatNamesNoConcreteTypeIsUnsupportedNotAServerError() throws Exception {
        mvc.perform(post("/kit-test/payments").contentType("*/*").content("{\"amount\":\"1.00\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"));
    }

    /**
     * A request of the wrong form, refused before any controller: in the clerk's words (Chinese with English),
     * naming what to change, with Spring's headers saying what would do (Accept, Allow); a form post is refused before its
     * body is read as parameters (a signed endpoint would verify a body rebuilt from them, and answer 401).
     */
    @Test
    void aRequestOfTheWrongFormIsRefusedInTheClerksWordsNamingWhatToChange() throws Exception {
        mvc.perform(post("/kit-test/uploads").contentType(MediaType.APPLICATION_XML).content("<list/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists(HttpHeaders.ACCEPT))
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
                .andExpect(jsonPath("$.detail").value(containsString("不支持此内容类型")));
        mvc.perform(multipart("/kit-test/uploads").file(new MockMultipartFile("upload", "list.csv", "text/csv", "a\n".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(containsString("multipart")));
        mvc.perform(delete("/kit-test/payments"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("POST")))
                .andExpect(jsonPath("$.errors[0].field").value("method"))
                .andExpect(jsonPath("$.detail").value(containsString("不支持该请求方法")));
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("amount=1.00"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.errors[0].field").value("Content-Type"))
                .andExpect(jsonPath("$.detail").value(containsString("不接受表单提交")));
        // refused before the controller: its answer could not be written, the change would stand unanswered
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
                        .content("{\"amount\": \"-1.00\"}"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Accept"));
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_JSON).accept(MediaType.ALL).content("{\"amount\": \"1.00\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_JSON).accept("application/vnd.tax-bureau+json")
                        .content("{\"amount\": \"1.00\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/kit-test/payments").contentType(MediaType.APPLICATION_JSON).accept("text/x+json").content("{\"amount\": \"-1.00\"}"))
                .andExpect(status().isNotAcceptable());
        // the error page answering a refusal made before any controller (a path the firewall refused) keeps its status
        mvc.perform(post("/error").accept(MediaType.APPLICATION_XML).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(refused -> {
            refused.setDispatcherType(DispatcherType.ERROR);
            refused.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
            return refused;
        })).andExpect(status().isBadRequest());
    }

    @Test
    void aBrokenMultipartFormIsBadInputWhileAnUploadTooLargeStaysPayloadTooLarge() throws Exception {
        mvc.perform(post("/kit-test/refusals/broken-form"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/kit-test/refusals/too-large"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
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
