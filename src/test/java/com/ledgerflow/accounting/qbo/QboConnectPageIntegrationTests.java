package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestQboServer;
import com.ledgerflow.TestUsers;
import com.ledgerflow.security.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connect to QuickBooks page and Intuit's callback, with a fake Intuit behind the shared context's OAuth client. */
@IntegrationTest
class QboConnectPageIntegrationTests {

	static final String REALM = "4620816365";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	final FakeQbo intuit = TestQboServer.fake();

	@BeforeEach
	void setUp() {
		TestUsers.ensure(accounts);
		intuit.resetOAuth();
		jdbc.update("delete from qbo_connection");
	}

	@AfterEach
	void disconnect() {
		jdbc.update("delete from qbo_connection");
	}

	@Test
	void financeSeesTheConnectPage() {
		HttpResponse<String> page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get("/accounting/qbo");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Connect to QuickBooks").contains("Not connected");
	}

	@Test
	void consultantsAndManagersMayNotConnectQuickBooks() {
		assertThat(TestBrowser.loggedIn(port, TestUsers.CONSULTANT).get("/accounting/qbo").statusCode()).isEqualTo(403);
		assertThat(TestBrowser.loggedIn(port, TestUsers.MANAGER).get("/accounting/qbo").statusCode()).isEqualTo(403);
		assertThat(TestBrowser.loggedIn(port, TestUsers.CONSULTANT)
			.get("/accounting/qbo/callback?code=c&state=s&realmId=" + REALM)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void connectSendsTheBrowserToIntuitWithAState() {
		TestBrowser browser = TestBrowser.loggedIn(port, TestUsers.FINANCE);

		URI authorize = startConnect(browser);

		Map<String, String> query = query(authorize);
		assertThat(authorize.toString()).startsWith(intuit.authorizeUrl().toString());
		assertThat(query).containsEntry("client_id", TestQboServer.CLIENT_ID)
			.containsEntry("response_type", "code")
			.containsEntry("scope", "com.intuit.quickbooks.accounting")
			.containsEntry("redirect_uri", TestQboServer.REDIRECT_URI);
		assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void aCallbackWithAnotherStateIsRefusedAndStoresNothing() {
		TestBrowser browser = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		startConnect(browser);

		HttpResponse<String> callback = browser
			.get("/accounting/qbo/callback?code=" + intuit.authorizationCode() + "&state=forged&realmId=" + REALM);

		assertThat(callback.statusCode()).isEqualTo(400);
		assertThat(callback.body()).contains("state mismatch");
		assertThat(intuit.tokenRequestCount("authorization_code")).isZero();
		assertThat(jdbc.queryForObject("select count(*) from qbo_connection", Integer.class)).isZero();
	}

	@Test
	void aCallbackWithoutAConnectStartedInThisSessionIsRefused() {
		HttpResponse<String> callback = TestBrowser.loggedIn(port, TestUsers.FINANCE)
			.get("/accounting/qbo/callback?code=" + intuit.authorizationCode() + "&state=guess&realmId=" + REALM);

		assertThat(callback.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from qbo_connection", Integer.class)).isZero();
	}

	@Test
	void theCallbackStoresTheConnectionAndThePageShowsIt() {
		TestBrowser browser = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		String state = query(startConnect(browser)).get("state");

		HttpResponse<String> callback = browser
			.get("/accounting/qbo/callback?code=" + intuit.authorizationCode() + "&state=" + state + "&realmId=" + REALM);

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/accounting/qbo"));
		assertThat(jdbc.queryForMap("select connected_by, status from qbo_connection where realm_id = ?", REALM))
			.containsEntry("connected_by", TestUsers.FINANCE)
			.containsEntry("status", "CONNECTED");
		HttpResponse<String> page = browser.get("/accounting/qbo");
		assertThat(page.body()).contains(REALM).contains("Connected").contains(TestUsers.FINANCE).contains("Disconnect");
	}

	@Test
	void aCallbackWithoutACompanyStoresNothing() {
		TestBrowser browser = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		String state = query(startConnect(browser)).get("state");

		HttpResponse<String> callback = browser
			.get("/accounting/qbo/callback?code=" + intuit.authorizationCode() + "&state=" + state + "&realmId=%3Cscript%3E");

		assertThat(callback.statusCode()).isEqualTo(400);
		assertThat(intuit.tokenRequestCount("authorization_code")).isZero();
		assertThat(jdbc.queryForObject("select count(*) from qbo_connection", Integer.class)).isZero();
	}

	@Test
	void aDeclinedAuthorizationStoresNothing() {
		TestBrowser browser = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		String state = query(startConnect(browser)).get("state");

		HttpResponse<String> callback = browser.get("/accounting/qbo/callback?error=access_denied&state=" + state);

		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(browser.get("/accounting/qbo").body()).contains("access_denied").contains("Not connected");
		assertThat(jdbc.queryForObject("select count(*) from qbo_connection", Integer.class)).isZero();
	}

	@Test
	void theStateWorksOnce() {
		TestBrowser browser = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		String state = query(startConnect(browser)).get("state");
		browser.get("/accounting/qbo/callback?code=" + intuit.authorizationCode() + "&state=" + state + "&realmId=" + REALM);

		HttpResponse<String> replay = browser
			.get("/accounting/qbo/callback?code=" + intuit.authorizationCode() + "&state=" + state + "&realmId=other");

		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForList("select realm_id from qbo_connection", String.class)).containsExactly(REALM);
	}

	@Test
	void disconnectRevokesAndForgetsTheConnection() {
		TestBrowser browser = TestBrowser.loggedIn(port, TestUsers.FINANCE);
		String state = query(startConnect(browser)).get("state");
		browser.get("/accounting/qbo/callback?code=" + intuit.authorizationCode() + "&state=" + state + "&realmId=" + REALM);

		HttpResponse<String> disconnect = browser.post("/accounting/qbo/disconnect",
				Map.of("_csrf", browser.csrfToken("/accounting/qbo")));

		assertThat(disconnect.statusCode()).isEqualTo(302);
		assertThat(intuit.revoked()).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from qbo_connection", Integer.class)).isZero();
	}

	private static URI startConnect(TestBrowser browser) {
		HttpResponse<String> connect = browser.post("/accounting/qbo/connect",
				Map.of("_csrf", browser.csrfToken("/accounting/qbo")));
		assertThat(connect.statusCode()).isEqualTo(302);
		return URI.create(connect.headers().firstValue("Location").orElseThrow());
	}

	private static Map<String, String> query(URI uri) {
		return Arrays.stream(uri.getRawQuery().split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(pair -> pair[0],
					pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
	}

}
