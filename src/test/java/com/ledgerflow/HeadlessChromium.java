package com.ledgerflow;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (nothing downloaded at run time). Where they are
 * missing a page test skips with the reason — except on CI ({@code CI} set), where {@code .ci/run} installs them and
 * a missing browser fails the build instead of passing unchecked.
 */
public final class HeadlessChromium {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	public static ChromeDriver start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String reason = "Page tests need Debian's chromium and chromium-driver (apt-get install chromium "
					+ "chromium-driver): " + CHROMIUM + " or " + CHROMEDRIVER + " is missing";
			if (System.getenv("CI") != null) {
				fail(reason);
			}
			Assumptions.abort(reason);
		}
		try {
			ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
				.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--window-size=1400,1000",
						"--user-data-dir=" + Files.createTempDirectory("ledgerflow-chromium"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ZERO);
			return driver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Saves a screenshot under target/screenshots for a person to look at. */
	public static Path screenshot(ChromeDriver driver, String name) {
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
