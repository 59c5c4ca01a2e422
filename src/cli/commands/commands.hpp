#pragma once
// Every `maturity` command, one handler each; the table in cli.cpp names them, their synopses and options.
#include "app/assessments.hpp"
#include "cli/command_context.hpp"

namespace mw::cli {

int demoCommand(CommandContext& context);
int modelsCommand(CommandContext& context);
int validateModelCommand(CommandContext& context);
int clientsCommand(CommandContext& context);
int listCommand(CommandContext& context);
int newCommand(CommandContext& context);
int answerCommand(CommandContext& context);
int statusCommand(CommandContext& context);
int editCommand(CommandContext& context);
int serveCommand(CommandContext& context);
int scoreCommand(CommandContext& context);
int gapsCommand(CommandContext& context);
int compareCommand(CommandContext& context);
int exportCommand(CommandContext& context);
int importCommand(CommandContext& context);
int backupCommand(CommandContext& context);
int backupsCommand(CommandContext& context);
int restoreCommand(CommandContext& context);
int reportCommand(CommandContext& context);
int templateCommand(CommandContext& context);
int participantsCommand(CommandContext& context);
int participantCommand(CommandContext& context);
int divergenceCommand(CommandContext& context);
int actionsCommand(CommandContext& context);
int actionCommand(CommandContext& context);
int evidenceCommand(CommandContext& context);
int hubCommand(CommandContext& context);
int syncCommand(CommandContext& context);
int conflictsCommand(CommandContext& context);
int resolveCommand(CommandContext& context);
// score --by-group: each group's dimension and overall scores.
int groupScoresCommand(CommandContext& context, const app::AssessmentState& state);

} // namespace mw::cli
