import { expect, type Locator, type Page } from '@playwright/test';

/**
 * How antd overlays are driven in every spec. An overlay (modal, confirmation, popconfirm, drawer, dropdown) is
 * acted on only once it is visible and its opening motion has ended, and each action is proven by what it must
 * cause (the overlay appearing, or closing), never by waiting longer or clicking again.
 */

/** rc-motion's classes while an element enters or leaves: ant-zoom-appear-active, ant-drawer-panel-motion-right-enter… */
const MOTION_CLASS = /-(appear|enter|leave)(-(prepare|start|active))?$/;

/** Finite animations or motion classes on the element or its ancestors (a spinner's endless spin does not count). */
function inMotion(element: Element, motionClass: string): boolean {
  const pattern = new RegExp(motionClass);
  for (let node: Element | null = element; node; node = node.parentElement) {
    if ([...node.classList].some((name) => pattern.test(name))) {
      return true;
    }
    const moving = node
      .getAnimations()
      .some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
    if (moving) {
      return true;
    }
  }
  return false;
}

/** Visible, and no longer sliding or zooming in: a click now lands where the element will stay. */
export async function expectSettled(overlay: Locator): Promise<void> {
  await expect(overlay).toBeVisible();
  await expect.poll(() => overlay.evaluate(inMotion, MOTION_CLASS.source)).toBe(false);
}

/** Clicks `trigger`, which must open the dialog (modal or drawer) named `name`; returns it once it has settled. */
export async function openDialog(page: Page, trigger: Locator, name: string | RegExp): Promise<Locator> {
  await trigger.click();
  const dialog = page.getByRole('dialog', { name });
  await expectSettled(dialog);
  return dialog;
}

/** Clicks `button` in a settled dialog; the dialog closing proves the click was taken (and the action succeeded). */
export async function submitDialog(dialog: Locator, button: string | RegExp): Promise<void> {
  await expectSettled(dialog);
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

/** A confirmation showing `text`: Modal.confirm / modal.confirm, or a Popconfirm. */
export function confirmation(page: Page, text: string | RegExp): Locator {
  return page.locator('.ant-modal-confirm, .ant-popconfirm').filter({ hasText: text });
}

/**
 * Answers the open confirmation showing `text` with `button` once it has settled. It must then close: a
 * confirmation whose async action fails stays open (or is replaced by the next one, which the caller answers).
 */
export async function answerConfirmation(page: Page, text: string | RegExp, button: string | RegExp): Promise<void> {
  const box = confirmation(page, text);
  await expectSettled(box);
  await box.getByRole('button', { name: button }).click();
  await expect(box).toBeHidden();
}

/** Clicks `trigger`, which must open a confirmation showing `text` (the proof the click was taken), and answers it. */
export async function confirmAction(
  page: Page,
  trigger: Locator,
  text: string | RegExp,
  button: string | RegExp,
): Promise<void> {
  await expect(trigger).toBeEnabled();
  await trigger.click();
  await answerConfirmation(page, text, button);
}

/**
 * Opens a console section from the side navigation and waits for its page: its heading is the entry's name. Until
 * then the previous page is still on screen, and a locator such as "the row showing X" can match a row there
 * (the lost "Delete role" click: it hit the role binding's Delete on the outgoing Role bindings page).
 */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}
