package io.playmark.infra.web;

import io.playmark.infra.support.HeadlessChromium;
import io.playmark.infra.support.PlaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI as a new user meets it, in headless Chromium on loopback only: it renders from Playmark's own
 * assets, authorizes with an API key and issues a key with the document's example request.
 */
class SwaggerUiBrowserIT extends PlaymarkIntegrationTest {

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium("Swagger UI browser test");

    @Test
    void swagger_ui_authorizes_with_an_api_key_and_issues_a_key() {
        WebDriver browser = chromium.browser();
        WebDriverWait wait = chromium.await();
        browser.get("http://localhost:" + port + "/swagger-ui.html");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn.authorize"))).click();
        WebElement apiKeyForm = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'apiKey')]]")));
        apiKeyForm.findElement(By.cssSelector("input")).sendKeys(ADMIN_KEY);
        apiKeyForm.findElement(By.cssSelector("button.authorize")).click();
        browser.findElement(By.cssSelector("button.btn-done")).click();

        WebElement issue = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-API_keys-issueApiKey .opblock-summary")));
        issue.click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-API_keys-issueApiKey button.try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-API_keys-issueApiKey button.execute"))).click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#operations-API_keys-issueApiKey .live-responses-table .response .response-col_status")));
        assertThat(status.getText()).as("the answer to the example request").startsWith("201");
        assertThat(browser.findElement(By.cssSelector("#operations-API_keys-issueApiKey .live-responses-table"))
                .getText()).contains("pmk_", "Lobby dashboard");
        assertThat(chromium.resourcesLoaded()).as("resources the page loaded")
                .allMatch(url -> url.startsWith("http://localhost:" + port + "/"));
    }
}
