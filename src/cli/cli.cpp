// The command registry and dispatch: parse the global options, find the command, parse its options,
// run it. Usage errors exit 2 with the command's synopsis; bad input or data exits 1.
#include "cli/cli.hpp"

#include "cli/commands/commands.hpp"
#include "platform/app_paths.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mw {

namespace {

using cli::CommandSpec;

// Every command: its name, synopsis, summary, options and handler. A table, not code: help, parsing and
// dispatch all read it.
const std::vector<CommandSpec> kCommandTable = {
    {"demo",
     "demo [--clients N]",
     "Create the sample client with a baseline and a follow-up assessment",
     {{"clients", "Also create N synthetic clients for scale work.", "N"}},
     &cli::demoCommand},
    {"models", "models", "List the maturity models this installation knows", {}, &cli::modelsCommand},
    {"validate-model",
     "validate-model FILE",
     "Check a model file and report every problem",
     {},
     &cli::validateModelCommand},
    {"clients", "clients", "List the clients", {}, &cli::clientsCommand},
    {"list", "list", "List the assessments", {}, &cli::listCommand},
    {"new",
     "new --client C --title T [--model ID] [--assessor A] [--date D] [--baseline ID] [--copy-answers]",
     "Start an assessment (the client is created if it is new)",
     {{"client", "Client name (created if new).", "NAME"},
      {"title", "Assessment title.", "TITLE"},
      {"model", "Model id or model file (default: itot-convergence).", "ID"},
      {"assessor", "Assessor's name.", "NAME"},
      {"date", "Assessment date, YYYY-MM-DD (default: today).", "DATE"},
      {"baseline", "Id of the earlier assessment this one follows up.", "ID"},
      {"copy-answers", "Start from the baseline's answers."}},
     &cli::newCommand},
    {"answer",
     "answer ID QUESTION LEVEL|na [--target L] [--note TEXT] [--confidence low|medium|high] "
     "[--participant P]",
     "Record an answer (the consensus, or a participant's voice); it is saved at once",
     {{"target", "Target level.", "LEVEL"},
      {"participant", "Record this participant's voice (name, id or uid) instead of the consensus.", "P"},
      {"note", "Notes and evidence.", "TEXT"},
      {"confidence", "low, medium or high.", "C"}},
     &cli::answerCommand},
    {"serve",
     "serve ID [--port N] [--bind ADDRESS]",
     "Open the room for voting from phones; commands on standard input (open Q, reveal, close, quit)",
     {{"port", "TCP port (default 8765; 0 picks a free one).", "N"},
      {"bind", "Listen on this address only (default 0.0.0.0: every interface).", "ADDRESS"}},
     &cli::serveCommand},
    {"status", "status ID draft|final", "Mark an assessment as draft or final", {}, &cli::statusCommand},
    {"edit",
     "edit ID [--title T] [--date D] [--assessor A]",
     "Change an assessment's title, date or assessor",
     {{"title", "New title.", "TITLE"},
      {"date", "New date, YYYY-MM-DD.", "DATE"},
      {"assessor", "New assessor's name.", "NAME"}},
     &cli::editCommand},
    {"score",
     "score ID [--by-group] [--json]",
     "Dimension and overall scores (each group's with --by-group)",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."},
      {"by-group", "Each group's scores, from its own voices."}},
     &cli::scoreCommand},
    {"divergence",
     "divergence ID [--limit N] [--json]",
     "Questions where the groups disagree, largest spread first",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."},
      {"limit", "Show only the first N questions.", "N"}},
     &cli::divergenceCommand},
    {"participants",
     "participants ID [--json]",
     "List an assessment's participants and their groups",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."}},
     &cli::participantsCommand},
    {"participant",
     "participant add ID --name NAME --group GROUP [--role ROLE]",
     "Add a participant (a voice) to an assessment",
     {{"name", "The participant's name, unique in the assessment.", "NAME"},
      {"group", "IT, OT, Business or any other group.", "GROUP"},
      {"role", "Their role, e.g. plant manager.", "ROLE"}},
     &cli::participantCommand},
    {"gaps",
     "gaps ID [--json] [--limit N]",
     "Ranked gaps with the model's recommendations",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."},
      {"limit", "Show only the first N gaps.", "N"}},
     &cli::gapsCommand},
    {"actions",
     "actions ID [--json] [--out FILE.csv]",
     "List the action plan, or write it as CSV to edit in a spreadsheet",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."},
      {"out", "Write the actions as CSV to this .csv file.", "FILE"}},
     &cli::actionsCommand},
    {"action",
     "action add ID --question Q [--title T] [--owner O] [--due DATE] [--status S] [--note N] | "
     "action set ACTION_ID [--status S] [--owner O] [--due DATE] [--note N] [--title T] | "
     "action remove ACTION_ID | action import ID FILE.csv",
     "Add, change or remove an action, or read back an edited actions CSV",
     {{"question", "A question the action serves (repeat, or list them with commas).", "Q"},
      {"title", "What will be done (default: the model's next step for the gap).", "TITLE"},
      {"owner", "Who owns it.", "NAME"},
      {"due", "Due date, YYYY-MM-DD (empty clears it).", "DATE"},
      {"status", "planned, in-progress, done or dropped.", "S"},
      {"note", "A note.", "TEXT"}},
     &cli::actionCommand},
    {"evidence",
     "evidence ID [--json] [--missing] | "
     "evidence add ID FILE [--question Q] [--title T] [--valid-on DATE] [--supplied-by NAME] [--participant "
     "P] | "
     "evidence get ID EVIDENCE_ID --out FILE | "
     "evidence set ID EVIDENCE_ID [--title T] [--valid-on DATE] [--supplied-by NAME] [--question Q] | "
     "evidence remove ID EVIDENCE_ID | evidence restore ID EVIDENCE_ID | "
     "evidence limits [--per-file MB] [--per-assessment MB]",
     "List, attach, save out, change, remove or restore the files that back the answers",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."},
      {"missing",
       "List the answers at level 3 or above that have no evidence, with the model's suggestions."},
      {"question", "A question the evidence supports (repeat, or list them with commas).", "Q"},
      {"title", "What the evidence is (default: the file's name).", "TITLE"},
      {"valid-on", "The date the evidence speaks for, YYYY-MM-DD.", "DATE"},
      {"supplied-by", "Who supplied it.", "NAME"},
      {"participant", "A voice's evidence (name, id or uid) instead of the consensus'.", "P"},
      {"out", "Where to write the file.", "FILE"},
      {"per-file", "Save the limit per evidence file, in MB.", "MB"},
      {"per-assessment", "Save the limit per assessment, in MB.", "MB"}},
     &cli::evidenceCommand},
    {"compare",
     "compare BEFORE AFTER [--json]",
     "Compare two assessments, e.g. a baseline and its follow-up",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."}},
     &cli::compareCommand},
    {"export",
     "export ID --out FILE [--seal] [--password-file PATH] [--page-size A4|Letter]",
     "Write a .json bundle, a .mwz package (the bundle with its evidence files, sealed with --seal), a "
     "password-sealed .mwbundle, .csv answers or an .xlsx workbook",
     {{"out", "Output file; its extension picks the format.", "FILE"},
      {"seal", "Seal the .mwz package with a password, its files too (a .mwbundle is always sealed)."},
      {"password-file", "Seal with the password in this file (else asked on the terminal); implies --seal.",
       "PATH"},
      {"page-size", "The .xlsx workbook's paper: A4 or Letter (default: the settings', else A4).", "SIZE"}},
     &cli::exportCommand},
    {"import",
     "import FILE... [--password-file PATH]",
     "Import .json bundles, .mwz packages (sealed or not) or sealed .mwbundle bundles, all in one "
     "transaction (all or nothing)",
     {{"password-file", "The sealed files' password is in this file (else asked on the terminal).", "PATH"}},
     &cli::importCommand},
    {"backup",
     "backup [--out FILE]",
     "Copy the database now, consistently, into backups/ beside it (or to FILE)",
     {{"out", "Write the copy to this file instead.", "FILE"}},
     &cli::backupCommand},
    {"backups",
     "backups",
     "List the database's backups, newest first, each checked",
     {},
     &cli::backupsCommand},
    {"restore",
     "restore BACKUP",
     "Replace the database with a checked backup (the replaced file is kept in backups/)",
     {},
     &cli::restoreCommand},
    {"report",
     "report ID --out FILE [--compare BASE_ID] [--page-size A4|Letter] [--embed-images] [--template FILE]",
     "Write the maturity report as .pdf, or as an editable .docx or .odt",
     {{"out", "Output file; its extension picks the format.", "FILE"},
      {"template",
       "House style for a .docx or .odt: a document of the same kind whose styles, page, header and footer "
       "the report takes (default: the settings', else ours).",
       "FILE"},
      {"embed-images", "Show each question's evidence photos under its findings (raster images only)."},
      {"compare", "Write a before/after comparison report against this baseline id.", "BASE_ID"},
      {"page-size", "A4 or Letter (default: the paper chosen in the settings, else A4).", "SIZE"}},
     &cli::reportCommand},
    {"template",
     "template --out FILE [--page-size A4|Letter]",
     "Write the report's own house style as a .docx or .odt to make a consultancy's own from",
     {{"out", "Output file: .docx or .odt.", "FILE"},
      {"page-size", "A4 or Letter (default: the paper chosen in the settings, else A4).", "SIZE"}},
     &cli::templateCommand},
    {"hub",
     "hub init ADDRESS",
     "Make a PostgreSQL database the team's hub, or upgrade its schema (ADDRESS: a libpq URI or service)",
     {},
     &cli::hubCommand},
    {"sync",
     "sync [--hub ADDRESS]",
     "Send this database's changes to the team hub and take the others' (the address is remembered)",
     {{"hub", "The hub's address, a PostgreSQL URI without a password (those go in ~/.pgpass).", "ADDRESS"}},
     &cli::syncCommand},
    {"conflicts",
     "conflicts [--json] [--all]",
     "List the fields changed on two laptops at once: the value kept and the value that lost",
     {{"json", "Machine-readable output (documented in docs/cli-json.md)."},
      {"all", "Also list the conflicts already resolved."}},
     &cli::conflictsCommand},
    {"resolve",
     "resolve ID [--restore]",
     "Close a conflict, keeping the value kept or (--restore) taking the lost one again",
     {{"restore", "Write the lost value back: a new change, which the others take with their next sync."}},
     &cli::resolveCommand},
};

const std::vector<CommandSpec>& commandTable() {
    return kCommandTable;
}

QString helpText() {
    QString text =
        QStringLiteral("Usage: maturity [--db PATH] COMMAND [ARGS...]\n\n"
                       "Maturity Workbench: IT/OT convergence maturity assessments.\n\nCommands:\n");
    for (const auto& c : commandTable())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(c.name).leftJustified(15), QLatin1String(c.summary));
    text +=
        QStringLiteral("\nGlobal options:\n"
                       "  --db PATH          database file (default: $MATURITY_DB, else %1)\n"
                       "  --models-dir DIR   extra folder of model .json files (also $MATURITY_MODELS_DIR)\n"
                       "  -h, --help         this help; 'maturity COMMAND --help' for one command\n"
                       "  -v, --version      the version\n\n"
                       "Exit codes: 0 success, 1 bad input or data, 2 usage error.\n")
            .arg(defaultDatabasePath());
    return text;
}

const CommandSpec* findCommand(const QString& name) {
    for (const auto& c : commandTable())
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

int runCommand(const CommandSpec& command, const QStringList& arguments, QCommandLineParser& parser,
               QTextStream& out, QTextStream& err) {
    for (const auto& option : command.options)
        parser.addOption(option.valueName
                             ? QCommandLineOption(option.name, option.description, option.valueName)
                             : QCommandLineOption(option.name, option.description));
    const QString name = QString::fromLatin1(command.name);
    if (!parser.parse(arguments)) {
        err << "maturity " << name << ": " << parser.errorText() << "\nUsage: maturity " << command.synopsis
            << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << "Usage: maturity " << command.synopsis << "\n\n" << command.summary << ".\n";
        return ExitOk;
    }
    // Drop the command name so that positional(0) is its first argument.
    QStringList args = arguments;
    args.removeAt(args.indexOf(name, 1));
    parser.parse(args);
    cli::CommandContext context(parser, name, out, err);
    try {
        const int code = command.run(context);
        context.warnAboutBackups();
        return code;
    } catch (const cli::OutputRefused& refused) {
        err << "maturity: " << refused.message << '\n';
        return ExitBadInput;
    } catch (const cli::UsageError& usage) {
        err << "maturity " << usage.message << "\nUsage: maturity " << command.synopsis << '\n';
        return ExitUsage;
    }
}

int dispatch(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({"h", "help"}, "Show help.");
    const QCommandLineOption version({"v", "version"}, "Show the version.");
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(QCommandLineOption("db", "Database file.", "PATH"));
    parser.addOption(QCommandLineOption("models-dir", "Extra model folder.", "DIR"));

    // First pass: find the command; unknown options are checked in the second pass.
    parser.parse(arguments);
    const QStringList positionals = parser.positionalArguments();
    if (parser.isSet(version) && positionals.isEmpty()) {
        out << "maturity " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (positionals.isEmpty()) {
        (parser.isSet(help) ? out : err) << helpText();
        return parser.isSet(help) ? ExitOk : ExitUsage;
    }
    const CommandSpec* command = findCommand(positionals.first());
    if (!command) {
        err << "maturity: unknown command '" << positionals.first()
            << "'; run 'maturity --help' for the list\n";
        return ExitUsage;
    }
    return runCommand(*command, arguments, parser, out, err);
}

} // namespace

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    // A negative number ("-1", "-0.5") is an argument, not an option: it is hidden from the option parser
    // behind a marker that CommandContext removes.
    static const QRegularExpression negative(QStringLiteral("^-(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$"));
    QStringList shielded = arguments;
    for (qsizetype i = 1; i < shielded.size(); ++i)
        if (negative.match(shielded[i]).hasMatch())
            shielded[i].prepend(cli::kNegativeMarker);
    const int code = dispatch(shielded, out, err);
    out.flush();
    err.flush();
    return code;
}

} // namespace mw
