package com.ledgerflow.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do alike: log in on Ledgerflow's form, and work a Camunda Tasklist task's form. */
public final class InBrowser {

	private static final By CLAIM = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");

	private InBrowser() {
	}

	/** Logs in afresh (cookies dropped) with password = user id, as the test users have, and waits for home. */
	public static void logIn(ChromeDriver browser, int port, String userId, WebDriverWait wait) {
		browser.manage().deleteAllCookies();
		browser.get(url(port, "/login"));
		browser.findElement(By.name("username")).sendKeys(userId);
		browser.findElement(By.name("password")).sendKeys(userId);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url(port, "/")));
	}

	/** Opens the task's form in Tasklist and claims it where it is only offered ({@code claimed}: it is not). */
	static void openTask(ChromeDriver browser, int port, String taskId, boolean claimed, WebDriverWait wait) {
		browser.get(url(port, "/camunda/app/tasklist/default/#/?task=" + taskId));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
		if (!claimed) {
			wait.until(ExpectedConditions.elementToBeClickable(CLAIM)).click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
		}
	}

	/** Picks a radio option whose label starts with {@code labelStart:}, scrolled to the middle past the footer. */
	static void chooseDecision(ChromeDriver browser, String labelStart, WebDriverWait wait) {
		WebElement label = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//*[contains(@class,'fjs-form')]//label[starts-with(normalize-space(), '" + labelStart + ":')]")));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
		label.click();
	}

	/**
	 * Tasklist's Complete button. A longer form puts it under the page footer, which takes a real click, so the
	 * button is clicked from script once it is enabled.
	 */
	static void complete(ChromeDriver browser, WebDriverWait wait) {
		WebElement complete = wait
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
		browser.executeScript("arguments[0].click()", complete);
	}

	public static String url(int port, String path) {
		return "http://localhost:" + port + path;
	}

}
