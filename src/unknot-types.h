/* unknot-types.h: forward declarations of every Unknot type
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UnknotAnatomyArt UnknotAnatomyArt;
typedef struct _UnknotAnatomyHotspot UnknotAnatomyHotspot;
typedef struct _UnknotAnatomyPart UnknotAnatomyPart;
typedef struct _UnknotAnatomyView UnknotAnatomyView;
typedef struct _UnknotApplication UnknotApplication;
typedef struct _UnknotBodyPage UnknotBodyPage;
typedef struct _UnknotChartData UnknotChartData;
typedef struct _UnknotCheckInPage UnknotCheckInPage;
typedef struct _UnknotClock UnknotClock;
typedef struct _UnknotCoachCard UnknotCoachCard;
typedef struct _UnknotCuePlayer UnknotCuePlayer;
typedef struct _UnknotFirstRun UnknotFirstRun;
typedef struct _UnknotMpris UnknotMpris;
typedef struct _UnknotPainChart UnknotPainChart;
typedef struct _UnknotPainDiary UnknotPainDiary;
typedef struct _UnknotPreferencesWindow UnknotPreferencesWindow;
typedef struct _UnknotProgressPage UnknotProgressPage;
typedef struct _UnknotRoutine UnknotRoutine;
typedef struct _UnknotRoutineLibrary UnknotRoutineLibrary;
typedef struct _UnknotRoutinePage UnknotRoutinePage;
typedef struct _UnknotSafetyView UnknotSafetyView;
typedef struct _UnknotSession UnknotSession;
typedef struct _UnknotSessionSound UnknotSessionSound;
typedef struct _UnknotStep UnknotStep;
typedef struct _UnknotVoice UnknotVoice;
typedef struct _UnknotWindow UnknotWindow;

/* Things a step works on, with, and how. The string ids are what routine files use. */
typedef enum
{
  UNKNOT_TARGET_GLUTEUS_MAXIMUS,
  UNKNOT_TARGET_GLUTEUS_MEDIUS,
  UNKNOT_TARGET_GLUTEUS_MINIMUS,
  UNKNOT_TARGET_PIRIFORMIS,
  UNKNOT_N_TARGETS
} UnknotTarget;

typedef enum
{
  UNKNOT_TOOL_NONE,
  UNKNOT_TOOL_FOAM_ROLLER,
  UNKNOT_TOOL_MASSAGE_BALL,
  UNKNOT_N_TOOLS
} UnknotTool;

typedef enum
{
  UNKNOT_SIDE_LEFT,
  UNKNOT_SIDE_RIGHT,
  UNKNOT_SIDE_BOTH,
  UNKNOT_N_SIDES
} UnknotSide;

typedef enum
{
  UNKNOT_TECHNIQUE_ROLL,
  UNKNOT_TECHNIQUE_HOLD,
  UNKNOT_TECHNIQUE_CIRCLES,
  UNKNOT_TECHNIQUE_CROSS_FIBER,
  UNKNOT_N_TECHNIQUES
} UnknotTechnique;

/* What a routine helps with: the problems a person can state. */
typedef enum
{
  UNKNOT_PROBLEM_KNEE_PAIN,
  UNKNOT_PROBLEM_LOW_BACK_PAIN,
  UNKNOT_PROBLEM_SCIATICA,
  UNKNOT_PROBLEM_HIP_PAIN,
  UNKNOT_PROBLEM_STIFFNESS,
  UNKNOT_PROBLEM_WARM_UP,
  UNKNOT_PROBLEM_RECOVERY,
  UNKNOT_N_PROBLEMS
} UnknotProblem;

G_END_DECLS
