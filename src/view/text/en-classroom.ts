/**
 * Every word of the classroom screens in English that more than one of them uses:
 * what goes wrong with an exercise, said so a teacher or student knows what to do.
 * Each screen's own words live in a file of its own beside this one.
 */
export const CLASSROOM_PROBLEM = {
  notFound: (code: string) => `No exercise has the code ${code}. Check the code with your teacher and try again.`,
  cannotJoin: (why: string) => `You cannot join that team: ${why}.`,
  /** The Control key this browser keeps does not open the exercise (a Control page or the debrief). */
  wrongControlKey: (code: string) =>
    `This browser keeps a Control key for exercise ${code}, but the server does not accept it, so it cannot open Control's pages. Open the private Control link you were given when you created the exercise (it ends in #key=…) on this device.`,
};
