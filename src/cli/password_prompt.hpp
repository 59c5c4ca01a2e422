#pragma once
// Asking for a password on the terminal, with echo off, so that it never reaches the command line or the
// shell's history. Without a terminal (a script, CI) the caller must use --password-file instead.
#include "core/error.hpp"
#include "core/sealed_bundle.hpp"

namespace mw::cli {

bool canAskOnTerminal();
// `confirm` asks twice and refuses a mismatch, for sealing: a typo would lock the file for good.
Result<Secret> askPasswordOnTerminal(const char* prompt, bool confirm);

} // namespace mw::cli
