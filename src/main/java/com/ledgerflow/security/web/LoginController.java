package com.ledgerflow.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Ledgerflow's login page, shared by our pages and the Camunda webapps. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "security/login";
	}

}
