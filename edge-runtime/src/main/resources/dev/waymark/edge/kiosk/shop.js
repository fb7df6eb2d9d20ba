// The shop side of the screen: the product grid, the search filter and the cart. It only renders and keeps
// state; kiosk.js decides what is captured.

export function money(cents, currency) {
    return new Intl.NumberFormat('en', {style: 'currency', currency}).format(cents / 100);
}

/** The product grid; onPick(product) when a tile is tapped. */
export function productGrid(container, products, onPick) {
    function render(visible) {
        container.replaceChildren(...visible.map(tile));
    }

    function tile(product) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'tile';
        button.dataset.sku = product.sku;
        const name = document.createElement('span');
        name.className = 'tile-name';
        name.textContent = product.name;
        const category = document.createElement('span');
        category.className = 'tile-category';
        category.textContent = product.category;
        const price = document.createElement('span');
        price.className = 'tile-price';
        price.textContent = money(product.price, product.currency);
        button.append(name, category, price);
        button.addEventListener('click', () => onPick(product));
        return button;
    }

    /** Shows the products whose name or category contains every word of the query; returns how many. */
    function filter(query) {
        const words = query.toLowerCase().split(/\s+/).filter(word => word.length > 0);
        const visible = products.filter(p => words.every(w => (p.name + ' ' + p.category).toLowerCase().includes(w)));
        render(visible);
        return visible.length;
    }

    render(products);
    return {filter};
}

/** The cart: lines by sku, rendered into the cart panel; onRemove(line) when a line's remove button is tapped. */
export function cart(elements, onRemove) {
    const lines = new Map();

    function add(product) {
        const line = lines.get(product.sku) || {product, quantity: 0};
        line.quantity += 1;
        lines.set(product.sku, line);
        render();
    }

    function remove(sku) {
        lines.delete(sku);
        render();
    }

    function clear() {
        lines.clear();
        render();
    }

    function items() {
        return [...lines.values()];
    }

    function total() {
        return items().reduce((sum, line) => sum + line.quantity * line.product.price, 0);
    }

    function count() {
        return items().reduce((sum, line) => sum + line.quantity, 0);
    }

    function render() {
        elements.lines.replaceChildren(...items().map(row));
        elements.total.textContent = lines.size === 0 ? 'Your cart is empty.'
            : count() + (count() === 1 ? ' item, ' : ' items, ') + money(total(), 'EUR');
        elements.checkout.disabled = lines.size === 0;
    }

    function row(line) {
        const item = document.createElement('li');
        item.dataset.sku = line.product.sku;
        const text = document.createElement('span');
        text.textContent = line.quantity + ' × ' + line.product.name;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'remove';
        button.textContent = 'Remove';
        button.addEventListener('click', () => onRemove(line));
        item.append(text, button);
        return item;
    }

    render();
    return {add, remove, clear, items, total, count};
}
