/* unknot-anatomy.c: the structures and areas of the anatomy art, and what to say about them
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written from ../shared/CONTENT.md: the app coaches self-massage, it does not diagnose,
 * so every "why it can hurt" says "can", and the nerve always comes with its caution.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-anatomy.h"
#include "unknot-routine.h"

#define T(target) (1u << (target))
#define NO_TARGET -1
#define NO_PROBLEM -1

/* Text shared by both sides of a structure: one msgid each for translators. */
#define MAXIMUS_DESCRIPTION                                                                   \
  N_ ("The largest muscle of the body, and the one nearest the skin. It straightens the hip " \
      "and turns the thigh outward: standing up, climbing stairs, sprinting, jumping.")
#define MAXIMUS_KNEE                                                                      \
  N_ ("Glutes that are tight or slow to switch on leave the knee to steady what the hip " \
      "should hold, and that can show up as knee pain.")
#define MAXIMUS_LOW_BACK                                                                       \
  N_ ("It is anchored on the sacrum and the back of the pelvis. When it is tight or does not " \
      "do its share, the low back can take the strain.")
#define MAXIMUS_LEG                                                                            \
  N_ ("The sciatic nerve runs deep beneath it. Pain that shoots down the leg while you press " \
      "is the nerve, not the muscle: move off that spot.")

#define MEDIUS_DESCRIPTION                                                                    \
  N_ ("A fan-shaped muscle on the outer hip, partly under the maximus; its top shows at the " \
      "side of the hip. It holds the pelvis level when you stand on one leg, so it works at " \
      "every step.")
#define MEDIUS_KNEE                                                                         \
  N_ ("When it is weak or does not switch on, the knee tends to drift inward as you step, " \
      "squat or land, and that can show up as knee pain.")
#define MEDIUS_HIP                                                                            \
  N_ ("A weak or inactive medius can show up as pain on the outer hip, around the bony knob " \
      "of the greater trochanter where it ends.")
#define MEDIUS_LOW_BACK                                                                      \
  N_ ("If it does not hold the pelvis level, the pelvis dips at each step and the low back " \
      "can work harder to make up for it.")

#define MINIMUS_DESCRIPTION                                                                   \
  N_ ("The smallest and deepest of the three glutes, under the medius, on the outer hip. It " \
      "helps the medius hold the pelvis level on one leg.")
#define MINIMUS_KNEE                                                                            \
  N_ ("Like the medius: when it does not do its share, the knee can drift inward and take the " \
      "strain.")
#define MINIMUS_HIP                                                                           \
  N_ ("A weak or inactive minimus can show up as pain on the outer hip, at the front of the " \
      "greater trochanter where it ends.")

#define PIRIFORMIS_DESCRIPTION                                                                  \
  N_ ("A deep, pear-shaped muscle under the glutes. It runs from the sacrum out to the top of " \
      "the thigh bone (the greater trochanter) and turns the hip outward.")
#define PIRIFORMIS_LOW_BACK                                                                      \
  N_ ("It pulls on the sacrum, at the base of the spine. When it presses on the sciatic nerve, " \
      "the pain can start in the low back and run through the hip.")
#define PIRIFORMIS_LEG                                                                          \
  N_ ("The sciatic nerve leaves the pelvis just below it, and in some people runs through it. " \
      "A tight piriformis can press on the nerve: pain from the buttock down the back of the "  \
      "leg.")

#define NERVE_DESCRIPTION                                                                     \
  N_ ("The thickest nerve of the body, about a finger wide. It leaves the pelvis below the "  \
      "piriformis, passes halfway between the sit bone and the greater trochanter, and runs " \
      "down the back of the thigh to the knee and below.")
#define NERVE_KNEE                                                                             \
  N_ ("It divides just above the knee, so pain from the nerve can reach the back of the knee " \
      "and the leg below it.")
#define NERVE_LOW_BACK N_ ("Pain from the nerve can start in the low back or deep in the buttock.")
#define NERVE_LEG                                                                               \
  N_ ("Pressure on the nerve can be felt as shooting pain, tingling, burning or numbness down " \
      "the back of the leg. Massage the muscles around it, never the nerve itself.")
#define NERVE_CAUTION                                                                         \
  N_ ("Stop and move off the spot on numbness, tingling, burning or shooting pain. Numbness " \
      "around the buttocks or groin, new weakness in a leg, or loss of bladder or bowel "     \
      "control: seek care now, not massage.")

#define BONE_CAUTION \
  N_ ("Bone: keep the roller and the ball off it, and work the muscle beside it.")
#define ILIAC_CREST_DESCRIPTION                                                              \
  N_ ("The top rim of the hip bone, where your hands rest on your hips. The gluteus medius " \
      "hangs from just below it, and the maximus starts at its back end.")
#define TROCHANTER_DESCRIPTION                                                                 \
  N_ ("The bony knob at the top of the thigh bone, on the outer hip. The gluteus medius, the " \
      "minimus and the piriformis all end on it.")
#define TROCHANTER_HIP                                                                      \
  N_ ("Pain on the outer hip is often felt right over this knob, where the medius and the " \
      "minimus pull on it.")
#define TUBEROSITY_DESCRIPTION                                                               \
  N_ ("The sit bone: the bottom of the pelvis, the bone you sit on. The sciatic nerve runs " \
      "halfway between it and the greater trochanter.")
#define TUBEROSITY_LEG                                                                       \
  N_ ("Keep the ball off the line between the sit bone and the greater trochanter: that is " \
      "where the sciatic nerve runs.")
#define FEMUR_DESCRIPTION                                                                  \
  N_ ("The thigh bone, the longest bone of the body. Its head sits in the hip joint; the " \
      "greater trochanter at its top is where the outer hip muscles pull.")

#define BUTTOCK_DESCRIPTION \
  N_ ("Over the gluteus maximus, with the piriformis and the sciatic nerve deep beneath it.")
#define BUTTOCK_LEG                                                                              \
  N_ ("Pain from deep in the buttock down the back of the leg can come from a tight piriformis " \
      "pressing on the sciatic nerve.")
#define BUTTOCK_LOW_BACK N_ ("Tight glutes can add to pain in the low back just above them.")
#define HIP_DESCRIPTION \
  N_ ("The side of the hip, over the greater trochanter and the gluteus medius and minimus.")
#define HIP_HIP                                                                              \
  N_ ("Weak or inactive glutes, the medius and the minimus above all, show up as outer hip " \
      "pain.")
#define HIP_KNEE                                                                                 \
  N_ ("The same muscles keep the knee from drifting inward: outer hip pain and knee pain often " \
      "come together.")
#define KNEE_DESCRIPTION \
  N_ ("The knee, seen from behind. The massage is for the glutes, never the knee itself.")
#define KNEE_KNEE                                                                               \
  N_ ("Glutes that are tight or do not switch on let the knee drift inward as you step, squat " \
      "or land, and the knee can hurt for it. Working on the glutes can help.")
#define LEG_DESCRIPTION \
  N_ ("The back of the thigh, where the sciatic nerve runs down from the buttock.")
#define LEG_LEG                                                                                   \
  N_ ("Pain that shoots down the back of the leg can come from the sciatic nerve, which a tight " \
      "piriformis can press on.")

#define MUSCLE(id_, layer_, order_, side_, target_, area_, name_, description_, knee_, hip_, \
               back_, leg_)                                                                  \
  {                                                                                          \
    id_, UNKNOT_ANATOMY_KIND_MUSCLE, layer_, order_, side_, target_, area_, T (target_),     \
      NO_PROBLEM, 0, 0, name_, description_, knee_, hip_, back_, leg_, NULL                  \
  }
#define BONE(id_, order_, side_, area_, name_, description_, hip_, back_, leg_)                   \
  {                                                                                               \
    id_, UNKNOT_ANATOMY_KIND_BONE, UNKNOT_ANATOMY_LAYER_BONE, order_, side_, NO_TARGET, area_, 0, \
      NO_PROBLEM, 0, 0, name_, description_, NULL, hip_, back_, leg_, BONE_CAUTION                \
  }
#define AREA(id_, order_, side_, area_, targets_, problem_, x_, y_, description_, knee_, hip_,  \
             back_, leg_, caution_)                                                             \
  {                                                                                             \
    id_, UNKNOT_ANATOMY_KIND_AREA, UNKNOT_ANATOMY_LAYER_AREAS, order_, side_, NO_TARGET, area_, \
      targets_, problem_, x_, y_, NULL, description_, knee_, hip_, back_, leg_, caution_        \
  }

/* In the order a person moves through them with Tab: muscles from the skin down, the
 * nerve, the bones, then the areas; the person's left (the viewer's left) first. */
static const UnknotAnatomyPart parts[] = {
  MUSCLE ("gluteus-maximus-left",
          UNKNOT_ANATOMY_LAYER_SUPERFICIAL,
          19,
          UNKNOT_SIDE_LEFT,
          UNKNOT_TARGET_GLUTEUS_MAXIMUS,
          UNKNOT_AREA_BUTTOCK_LEFT,
          N_ ("Left gluteus maximus"),
          MAXIMUS_DESCRIPTION,
          MAXIMUS_KNEE,
          NULL,
          MAXIMUS_LOW_BACK,
          MAXIMUS_LEG),
  MUSCLE ("gluteus-maximus-right",
          UNKNOT_ANATOMY_LAYER_SUPERFICIAL,
          20,
          UNKNOT_SIDE_RIGHT,
          UNKNOT_TARGET_GLUTEUS_MAXIMUS,
          UNKNOT_AREA_BUTTOCK_RIGHT,
          N_ ("Right gluteus maximus"),
          MAXIMUS_DESCRIPTION,
          MAXIMUS_KNEE,
          NULL,
          MAXIMUS_LOW_BACK,
          MAXIMUS_LEG),
  MUSCLE ("gluteus-medius-left",
          UNKNOT_ANATOMY_LAYER_MIDDLE,
          17,
          UNKNOT_SIDE_LEFT,
          UNKNOT_TARGET_GLUTEUS_MEDIUS,
          UNKNOT_AREA_HIP_LEFT,
          N_ ("Left gluteus medius"),
          MEDIUS_DESCRIPTION,
          MEDIUS_KNEE,
          MEDIUS_HIP,
          MEDIUS_LOW_BACK,
          NULL),
  MUSCLE ("gluteus-medius-right",
          UNKNOT_ANATOMY_LAYER_MIDDLE,
          18,
          UNKNOT_SIDE_RIGHT,
          UNKNOT_TARGET_GLUTEUS_MEDIUS,
          UNKNOT_AREA_HIP_RIGHT,
          N_ ("Right gluteus medius"),
          MEDIUS_DESCRIPTION,
          MEDIUS_KNEE,
          MEDIUS_HIP,
          MEDIUS_LOW_BACK,
          NULL),
  MUSCLE ("gluteus-minimus-left",
          UNKNOT_ANATOMY_LAYER_DEEP,
          13,
          UNKNOT_SIDE_LEFT,
          UNKNOT_TARGET_GLUTEUS_MINIMUS,
          UNKNOT_AREA_HIP_LEFT,
          N_ ("Left gluteus minimus"),
          MINIMUS_DESCRIPTION,
          MINIMUS_KNEE,
          MINIMUS_HIP,
          NULL,
          NULL),
  MUSCLE ("gluteus-minimus-right",
          UNKNOT_ANATOMY_LAYER_DEEP,
          14,
          UNKNOT_SIDE_RIGHT,
          UNKNOT_TARGET_GLUTEUS_MINIMUS,
          UNKNOT_AREA_HIP_RIGHT,
          N_ ("Right gluteus minimus"),
          MINIMUS_DESCRIPTION,
          MINIMUS_KNEE,
          MINIMUS_HIP,
          NULL,
          NULL),
  MUSCLE ("piriformis-left",
          UNKNOT_ANATOMY_LAYER_DEEP,
          15,
          UNKNOT_SIDE_LEFT,
          UNKNOT_TARGET_PIRIFORMIS,
          UNKNOT_AREA_BUTTOCK_LEFT,
          N_ ("Left piriformis"),
          PIRIFORMIS_DESCRIPTION,
          NULL,
          NULL,
          PIRIFORMIS_LOW_BACK,
          PIRIFORMIS_LEG),
  MUSCLE ("piriformis-right",
          UNKNOT_ANATOMY_LAYER_DEEP,
          16,
          UNKNOT_SIDE_RIGHT,
          UNKNOT_TARGET_PIRIFORMIS,
          UNKNOT_AREA_BUTTOCK_RIGHT,
          N_ ("Right piriformis"),
          PIRIFORMIS_DESCRIPTION,
          NULL,
          NULL,
          PIRIFORMIS_LOW_BACK,
          PIRIFORMIS_LEG),
  { "sciatic-nerve-left", UNKNOT_ANATOMY_KIND_NERVE, UNKNOT_ANATOMY_LAYER_NERVE, 11,
    UNKNOT_SIDE_LEFT, NO_TARGET, UNKNOT_AREA_LEG_LEFT, 0, UNKNOT_PROBLEM_SCIATICA, 0, 0,
    N_ ("Left sciatic nerve"), NERVE_DESCRIPTION, NERVE_KNEE, NULL, NERVE_LOW_BACK, NERVE_LEG,
    NERVE_CAUTION },
  { "sciatic-nerve-right", UNKNOT_ANATOMY_KIND_NERVE, UNKNOT_ANATOMY_LAYER_NERVE, 12,
    UNKNOT_SIDE_RIGHT, NO_TARGET, UNKNOT_AREA_LEG_RIGHT, 0, UNKNOT_PROBLEM_SCIATICA, 0, 0,
    N_ ("Right sciatic nerve"), NERVE_DESCRIPTION, NERVE_KNEE, NULL, NERVE_LOW_BACK, NERVE_LEG,
    NERVE_CAUTION },
  BONE ("iliac-crest-left",
        5,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_HIP_LEFT,
        N_ ("Left iliac crest"),
        ILIAC_CREST_DESCRIPTION,
        NULL,
        NULL,
        NULL),
  BONE ("iliac-crest-right",
        6,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_HIP_RIGHT,
        N_ ("Right iliac crest"),
        ILIAC_CREST_DESCRIPTION,
        NULL,
        NULL,
        NULL),
  BONE ("greater-trochanter-left",
        7,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_HIP_LEFT,
        N_ ("Left greater trochanter"),
        TROCHANTER_DESCRIPTION,
        TROCHANTER_HIP,
        NULL,
        NULL),
  BONE ("greater-trochanter-right",
        8,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_HIP_RIGHT,
        N_ ("Right greater trochanter"),
        TROCHANTER_DESCRIPTION,
        TROCHANTER_HIP,
        NULL,
        NULL),
  BONE ("ischial-tuberosity-left",
        9,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_BUTTOCK_LEFT,
        N_ ("Left sit bone (ischial tuberosity)"),
        TUBEROSITY_DESCRIPTION,
        NULL,
        NULL,
        TUBEROSITY_LEG),
  BONE ("ischial-tuberosity-right",
        10,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_BUTTOCK_RIGHT,
        N_ ("Right sit bone (ischial tuberosity)"),
        TUBEROSITY_DESCRIPTION,
        NULL,
        NULL,
        TUBEROSITY_LEG),
  BONE ("sacrum",
        3,
        UNKNOT_SIDE_BOTH,
        UNKNOT_AREA_LOW_BACK,
        N_ ("Sacrum"),
        N_ ("The wedge of fused vertebrae at the base of the spine, between the two hip bones, "
            "ending in the tailbone. The gluteus maximus and the piriformis are anchored on it."),
        NULL,
        N_ ("The low back sits right above it. Roll the glutes beside it, not the sacrum or the "
            "lower spine."),
        NULL),
  BONE ("lumbar-spine",
        4,
        UNKNOT_SIDE_BOTH,
        UNKNOT_AREA_LOW_BACK,
        N_ ("Lower spine"),
        N_ ("The lowest vertebrae of the back, above the sacrum."),
        NULL,
        N_ ("Roll the glutes, not the lower spine itself."),
        NULL),
  BONE ("pelvis",
        2,
        UNKNOT_SIDE_BOTH,
        UNKNOT_AREA_LOW_BACK,
        N_ ("Pelvis"),
        N_ ("The two hip bones, joined to the sacrum at the back: they carry the upper body onto "
            "the legs. The glutes cover them from behind."),
        NULL,
        NULL,
        NULL),
  BONE ("femur-left",
        0,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_LEG_LEFT,
        N_ ("Left thigh bone (femur)"),
        FEMUR_DESCRIPTION,
        NULL,
        NULL,
        NULL),
  BONE ("femur-right",
        1,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_LEG_RIGHT,
        N_ ("Right thigh bone (femur)"),
        FEMUR_DESCRIPTION,
        NULL,
        NULL,
        NULL),
  AREA ("area-low-back",
        21,
        UNKNOT_SIDE_BOTH,
        UNKNOT_AREA_LOW_BACK,
        0,
        UNKNOT_PROBLEM_LOW_BACK_PAIN,
        300,
        46,
        N_ ("The lower part of the back, above the buttocks: the lower spine and the sacrum."),
        NULL,
        NULL,
        N_ ("About four in ten adults have low back pain at some point. Glutes that are tight "
            "or do not switch on can add to it."),
        NULL,
        N_ ("Roll the glutes, not the lower spine itself.")),
  AREA ("area-buttock-left",
        22,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_BUTTOCK_LEFT,
        T (UNKNOT_TARGET_GLUTEUS_MAXIMUS) | T (UNKNOT_TARGET_PIRIFORMIS),
        NO_PROBLEM,
        212,
        292,
        BUTTOCK_DESCRIPTION,
        NULL,
        NULL,
        BUTTOCK_LOW_BACK,
        BUTTOCK_LEG,
        NULL),
  AREA ("area-buttock-right",
        26,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_BUTTOCK_RIGHT,
        T (UNKNOT_TARGET_GLUTEUS_MAXIMUS) | T (UNKNOT_TARGET_PIRIFORMIS),
        NO_PROBLEM,
        388,
        292,
        BUTTOCK_DESCRIPTION,
        NULL,
        NULL,
        BUTTOCK_LOW_BACK,
        BUTTOCK_LEG,
        NULL),
  AREA ("area-hip-left",
        23,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_HIP_LEFT,
        0,
        UNKNOT_PROBLEM_HIP_PAIN,
        100,
        190,
        HIP_DESCRIPTION,
        HIP_KNEE,
        HIP_HIP,
        NULL,
        NULL,
        NULL),
  AREA ("area-hip-right",
        27,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_HIP_RIGHT,
        0,
        UNKNOT_PROBLEM_HIP_PAIN,
        500,
        190,
        HIP_DESCRIPTION,
        HIP_KNEE,
        HIP_HIP,
        NULL,
        NULL,
        NULL),
  AREA ("area-leg-left",
        24,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_LEG_LEFT,
        0,
        UNKNOT_PROBLEM_SCIATICA,
        196,
        462,
        LEG_DESCRIPTION,
        NULL,
        NULL,
        NULL,
        LEG_LEG,
        NERVE_CAUTION),
  AREA ("area-leg-right",
        28,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_LEG_RIGHT,
        0,
        UNKNOT_PROBLEM_SCIATICA,
        404,
        462,
        LEG_DESCRIPTION,
        NULL,
        NULL,
        NULL,
        LEG_LEG,
        NERVE_CAUTION),
  AREA ("area-knee-left",
        25,
        UNKNOT_SIDE_LEFT,
        UNKNOT_AREA_KNEE_LEFT,
        0,
        UNKNOT_PROBLEM_KNEE_PAIN,
        197,
        612,
        KNEE_DESCRIPTION,
        KNEE_KNEE,
        NULL,
        NULL,
        NULL,
        NULL),
  AREA ("area-knee-right",
        29,
        UNKNOT_SIDE_RIGHT,
        UNKNOT_AREA_KNEE_RIGHT,
        0,
        UNKNOT_PROBLEM_KNEE_PAIN,
        403,
        612,
        KNEE_DESCRIPTION,
        KNEE_KNEE,
        NULL,
        NULL,
        NULL,
        NULL),
};

static const char *const layer_ids[] = {
  [UNKNOT_ANATOMY_LAYER_BACKDROP] = "backdrop",
  [UNKNOT_ANATOMY_LAYER_BONE] = "layer-bone",
  [UNKNOT_ANATOMY_LAYER_NERVE] = "layer-nerve",
  [UNKNOT_ANATOMY_LAYER_DEEP] = "layer-deep",
  [UNKNOT_ANATOMY_LAYER_MIDDLE] = "layer-middle",
  [UNKNOT_ANATOMY_LAYER_SUPERFICIAL] = "layer-superficial",
  [UNKNOT_ANATOMY_LAYER_AREAS] = "areas",
};
G_STATIC_ASSERT (G_N_ELEMENTS (layer_ids) == UNKNOT_ANATOMY_N_LAYERS);

static const struct
{
  const char *id;
  const char *label;
  UnknotAnatomyLayer top; /* the highest layer drawn */
} depths[] = {
  [UNKNOT_ANATOMY_DEPTH_SKIN] = { "skin", N_ ("Skin"), UNKNOT_ANATOMY_LAYER_BACKDROP },
  [UNKNOT_ANATOMY_DEPTH_SUPERFICIAL] = { "superficial", N_ ("Surface muscles"),
                                         UNKNOT_ANATOMY_LAYER_SUPERFICIAL },
  [UNKNOT_ANATOMY_DEPTH_MIDDLE] = { "middle", N_ ("Middle muscles"), UNKNOT_ANATOMY_LAYER_MIDDLE },
  [UNKNOT_ANATOMY_DEPTH_DEEP] = { "deep", N_ ("Deep muscles and nerve"),
                                  UNKNOT_ANATOMY_LAYER_DEEP },
  [UNKNOT_ANATOMY_DEPTH_BONE] = { "bone", N_ ("Bones"), UNKNOT_ANATOMY_LAYER_BONE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (depths) == UNKNOT_ANATOMY_N_DEPTHS);

G_DEFINE_ENUM_TYPE (UnknotAnatomyDepth,
                    unknot_anatomy_depth,
                    G_DEFINE_ENUM_VALUE (UNKNOT_ANATOMY_DEPTH_SKIN, "skin"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, "superficial"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_ANATOMY_DEPTH_MIDDLE, "middle"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_ANATOMY_DEPTH_DEEP, "deep"),
                    G_DEFINE_ENUM_VALUE (UNKNOT_ANATOMY_DEPTH_BONE, "bone"))

const char *
unknot_anatomy_depth_get_id (UnknotAnatomyDepth depth)
{
  g_return_val_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS, NULL);
  return depths[depth].id;
}

/**
 * unknot_anatomy_depth_get_label:
 *
 * Returns: what the layer control calls @depth, translated
 */
const char *
unknot_anatomy_depth_get_label (UnknotAnatomyDepth depth)
{
  g_return_val_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS, NULL);
  return _ (depths[depth].label);
}

/**
 * unknot_anatomy_depth_get_peeled:
 *
 * Returns: (nullable): what is taken away at @depth, for a picture that peeled itself
 * (the player's), translated; %NULL when nothing is
 */
const char *
unknot_anatomy_depth_get_peeled (UnknotAnatomyDepth depth)
{
  g_return_val_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS, NULL);

  switch (depth)
    {
    case UNKNOT_ANATOMY_DEPTH_MIDDLE:
      return _ ("Gluteus maximus peeled away");
    case UNKNOT_ANATOMY_DEPTH_DEEP:
      return _ ("Gluteus maximus and medius peeled away");
    case UNKNOT_ANATOMY_DEPTH_BONE:
      return _ ("Muscles peeled away");
    case UNKNOT_ANATOMY_DEPTH_SKIN:
    case UNKNOT_ANATOMY_DEPTH_SUPERFICIAL:
    case UNKNOT_ANATOMY_N_DEPTHS:
    default:
      return NULL;
    }
}

gboolean
unknot_anatomy_depth_from_id (const char *id, UnknotAnatomyDepth *depth)
{
  for (guint i = 0; id != NULL && i < UNKNOT_ANATOMY_N_DEPTHS; i++)
    {
      if (g_str_equal (depths[i].id, id))
        {
          if (depth != NULL)
            *depth = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * unknot_anatomy_depth_shows_layer:
 *
 * Peeling takes layers off from the top: at @depth every layer up to its top one is
 * drawn, except at the skin, which shows the body alone, and the bone, which leaves
 * the nerve out.  The areas are never drawn as art.
 */
gboolean
unknot_anatomy_depth_shows_layer (UnknotAnatomyDepth depth, UnknotAnatomyLayer layer)
{
  g_return_val_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS, FALSE);
  g_return_val_if_fail (layer < UNKNOT_ANATOMY_N_LAYERS, FALSE);

  if (layer == UNKNOT_ANATOMY_LAYER_AREAS)
    return FALSE;
  return layer <= depths[depth].top;
}

/**
 * unknot_anatomy_layer_get_id:
 *
 * Returns: the id of @layer's group in the SVG
 */
const char *
unknot_anatomy_layer_get_id (UnknotAnatomyLayer layer)
{
  g_return_val_if_fail (layer < UNKNOT_ANATOMY_N_LAYERS, NULL);
  return layer_ids[layer];
}

guint
unknot_anatomy_get_n_parts (void)
{
  return G_N_ELEMENTS (parts);
}

const UnknotAnatomyPart *
unknot_anatomy_get_part (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (parts), NULL);
  return &parts[index];
}

/**
 * unknot_anatomy_lookup:
 * @id: an element id of the SVG: "piriformis-left", "area-knee-right"
 *
 * Returns: (nullable): the part with @id
 */
const UnknotAnatomyPart *
unknot_anatomy_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (parts[i].id, id))
      return &parts[i];
  return NULL;
}

/**
 * unknot_anatomy_lookup_area:
 *
 * Returns: (nullable): the part that is the diary's @area
 */
const UnknotAnatomyPart *
unknot_anatomy_lookup_area (UnknotArea area)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].kind == UNKNOT_ANATOMY_KIND_AREA && parts[i].area == area)
      return &parts[i];
  return NULL;
}

/**
 * unknot_anatomy_lookup_target:
 * @side: %UNKNOT_SIDE_LEFT or %UNKNOT_SIDE_RIGHT
 *
 * Returns: (nullable): the muscle a routine step with @target works on @side
 */
const UnknotAnatomyPart *
unknot_anatomy_lookup_target (UnknotTarget target, UnknotSide side)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].target == (int) target && parts[i].side == side)
      return &parts[i];
  return NULL;
}

guint
unknot_anatomy_part_get_index (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part >= parts && part < parts + G_N_ELEMENTS (parts), 0);
  return (guint) (part - parts);
}

/**
 * unknot_anatomy_part_is_shown:
 *
 * Returns: whether @part's layer is drawn at @depth (it may still be covered)
 */
gboolean
unknot_anatomy_part_is_shown (const UnknotAnatomyPart *part, UnknotAnatomyDepth depth)
{
  g_return_val_if_fail (part != NULL, FALSE);
  return unknot_anatomy_depth_shows_layer (depth, part->layer);
}

/**
 * unknot_anatomy_part_is_interactive:
 *
 * At the skin a person points at areas; below it, at the structures drawn.
 *
 * Returns: whether @part can be pointed at, focused and selected at @depth
 */
gboolean
unknot_anatomy_part_is_interactive (const UnknotAnatomyPart *part, UnknotAnatomyDepth depth)
{
  g_return_val_if_fail (part != NULL, FALSE);
  if (part->kind == UNKNOT_ANATOMY_KIND_AREA)
    return depth == UNKNOT_ANATOMY_DEPTH_SKIN;
  return unknot_anatomy_part_is_shown (part, depth);
}

/**
 * unknot_anatomy_part_get_depth:
 *
 * Returns: the depth at which @part's layer is the top one: where it is seen whole
 */
UnknotAnatomyDepth
unknot_anatomy_part_get_depth (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, UNKNOT_ANATOMY_DEPTH_SUPERFICIAL);

  switch (part->layer)
    {
    case UNKNOT_ANATOMY_LAYER_AREAS:
    case UNKNOT_ANATOMY_LAYER_BACKDROP:
      return UNKNOT_ANATOMY_DEPTH_SKIN;
    case UNKNOT_ANATOMY_LAYER_SUPERFICIAL:
      return UNKNOT_ANATOMY_DEPTH_SUPERFICIAL;
    case UNKNOT_ANATOMY_LAYER_MIDDLE:
      return UNKNOT_ANATOMY_DEPTH_MIDDLE;
    case UNKNOT_ANATOMY_LAYER_DEEP:
    case UNKNOT_ANATOMY_LAYER_NERVE:
      return UNKNOT_ANATOMY_DEPTH_DEEP;
    case UNKNOT_ANATOMY_LAYER_BONE:
    case UNKNOT_ANATOMY_N_LAYERS:
    default:
      return UNKNOT_ANATOMY_DEPTH_BONE;
    }
}

/**
 * unknot_anatomy_part_is_worked_by:
 *
 * Returns: whether @routine works on @part (a step targets it) or helps with what is
 * felt there
 */
gboolean
unknot_anatomy_part_is_worked_by (const UnknotAnatomyPart *part, UnknotRoutine *routine)
{
  g_return_val_if_fail (part != NULL, FALSE);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), FALSE);

  for (guint target = 0; target < UNKNOT_N_TARGETS; target++)
    if ((part->targets & T (target)) != 0 && unknot_routine_works_target (routine, target))
      return TRUE;
  return part->problem != NO_PROBLEM && unknot_routine_helps (routine, part->problem);
}

static const char *
translate (const char *text)
{
  return text != NULL ? _ (text) : NULL;
}

/**
 * unknot_anatomy_part_get_name:
 *
 * Returns: @part's name, with its side, translated: "Left piriformis", "Low back"
 */
const char *
unknot_anatomy_part_get_name (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  if (part->kind == UNKNOT_ANATOMY_KIND_AREA)
    return unknot_area_get_label (part->area);
  return _ (part->name);
}

/**
 * unknot_anatomy_part_get_kind_label:
 *
 * Returns: what @part is, translated: "Deep muscle", "Bone", "Where it hurts"
 */
const char *
unknot_anatomy_part_get_kind_label (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);

  switch (part->kind)
    {
    case UNKNOT_ANATOMY_KIND_MUSCLE:
      if (part->layer == UNKNOT_ANATOMY_LAYER_DEEP)
        return _ ("Deep muscle");
      if (part->layer == UNKNOT_ANATOMY_LAYER_MIDDLE)
        return _ ("Muscle, partly under the gluteus maximus");
      return _ ("Muscle, just under the skin");
    case UNKNOT_ANATOMY_KIND_NERVE:
      return _ ("Nerve");
    case UNKNOT_ANATOMY_KIND_BONE:
      return _ ("Bone");
    case UNKNOT_ANATOMY_KIND_AREA:
    default:
      return _ ("Where it hurts");
    }
}

const char *
unknot_anatomy_part_get_description (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return translate (part->description);
}

const char *
unknot_anatomy_part_get_knee (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return translate (part->knee);
}

const char *
unknot_anatomy_part_get_hip (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return translate (part->hip);
}

const char *
unknot_anatomy_part_get_low_back (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return translate (part->low_back);
}

const char *
unknot_anatomy_part_get_leg (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return translate (part->leg);
}

const char *
unknot_anatomy_part_get_caution (const UnknotAnatomyPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return translate (part->caution);
}
