// Closing with unsaved changes: the question asked, and what each answer means. Pure, so it is tested without Electron.

export type CloseAnswer = 'save' | 'dont-save' | 'cancel';
export type CloseDecision = 'close' | 'save-then-close' | 'stay';

export const CLOSE_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

/** The message box for a project with unsaved changes. */
export function closePrompt(projectName: string) {
  return {
    type: 'warning' as const,
    buttons: [...CLOSE_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Do you want to save the changes you made to "${projectName}"?`,
    detail: "Your changes will be lost if you don't save them.",
  };
}

export function answerOf(buttonIndex: number): CloseAnswer {
  return buttonIndex === 0 ? 'save' : buttonIndex === 1 ? 'dont-save' : 'cancel';
}

/** Nothing unsaved closes at once; otherwise the answer decides. */
export function closeDecision(dirty: boolean, answer?: CloseAnswer): CloseDecision {
  if (!dirty) return 'close';
  if (answer === 'save') return 'save-then-close';
  if (answer === 'dont-save') return 'close';
  return 'stay';
}
