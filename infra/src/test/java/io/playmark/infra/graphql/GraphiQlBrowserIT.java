package io.playmark.infra.graphql;

import io.playmark.infra.support.HeadlessChromium;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphiQL page in a real headless Chromium that can reach nothing but loopback: it must render
 * from Playmark's own assets, take the API key in its headers editor (and then load the schema), keep
 * the key across a reload, and run a query against {@code /graphql}. Skipped, and says so, where Debian's
 * Chromium and ChromeDriver are not installed ({@link HeadlessChromium}).
 */
class GraphiQlBrowserIT extends PlaymarkIntegrationTest {

    private static final String CREATE = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }";
    private static final String HEADERS_EDITOR = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror";
    private static final String QUERY_EDITOR = ".graphiql-query-editor .CodeMirror";

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium("GraphiQL browser test");
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void useTheBrowser() {
        browser = chromium.browser();
        wait = chromium.await();
    }

    @Test
    void graphiql_runs_a_query_with_the_key_from_its_headers_editor_and_loads_nothing_from_elsewhere() {
        String name = "GraphiQL in a browser " + UUID.randomUUID();
        String id = asAdmin().graphQl(CREATE, "input", Map.of("name", name, "advertiser", "Acme"))
                .get("data").get("createCampaign").get("id").asString();
        String page = "http://localhost:" + port + "/graphiql";

        browser.get(page);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Headers']"))).click();
        String headersAtFirst = waitForEditor(HEADERS_EDITOR);
        setEditor(HEADERS_EDITOR, "{\n  \"X-Api-Key\": \"" + ADMIN_KEY + "\"\n}");
        setEditor(QUERY_EDITOR, "query OneCampaign {\n  campaign(id: \"" + id + "\") { id name advertiser }\n}\n");
        // GraphiQL reads the operation out of an edit a moment later (debounced), as a typing user gives it time to
        wait.until(driver -> "OneCampaign".equals(
                script("return document.querySelector(arguments[0]).CodeMirror.operationName;", QUERY_EDITOR)));
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-window"), name));
        // with a key in, the schema loads too: the docs show the root types
        browser.findElement(By.cssSelector("[aria-label='Show Documentation Explorer']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".graphiql-doc-explorer"), "mutation: Mutation"));
        assertThat(headersAtFirst).as("the headers editor, prefilled").isEqualTo("{\n  \"X-Api-Key\": \"\"\n}");
        List<String> loaded = chromium.resourcesLoaded();
        assertThat(loaded).as("resources the page loaded")
                .anyMatch(url -> url.endsWith("/webjars/graphiql/graphiql.min.js"))
                .anyMatch(url -> url.endsWith("/graphql"))
                .allMatch(url -> url.startsWith("http://localhost:" + port + "/"));

        browser.navigate().refresh();

        assertThat(waitForEditor(HEADERS_EDITOR)).as("the headers editor after a reload").contains(ADMIN_KEY);
    }

    /** Waits until GraphiQL has made the editor, and answers its text. */
    private String waitForEditor(String selector) {
        return wait.until(driver -> (String) script(
                "var editor = document.querySelector(arguments[0]);"
                        + " return editor && editor.CodeMirror ? editor.CodeMirror.getValue() : null;", selector));
    }

    /** Types into a CodeMirror editor through its API, as an edit of the user's: GraphiQL sees the change. */
    private void setEditor(String selector, String text) {
        waitForEditor(selector);
        script("document.querySelector(arguments[0]).CodeMirror.setValue(arguments[1]);", selector, text);
    }

    private Object script(String script, Object... arguments) {
        return chromium.script(script, arguments);
    }
}
